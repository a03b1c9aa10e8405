import type { ManagedUser, OrgNode, Role } from '@yardstick/contract'
import { type FormEvent, useId, useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { GrantFields } from './GrantFields'

/**
 * A user's roles inside the admin's reach: each grant (role on a unit and its subtree) with a
 * button revoking it, and a role and a unit to grant. Answers the user as changed.
 */
export function GrantsEditor({
  user,
  tree,
  onChanged,
  onClose,
}: {
  user: ManagedUser
  tree: readonly OrgNode[]
  onChanged: () => void
  onClose: () => void
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [role, setRole] = useState<Role>('secretary')
  const [orgId, setOrgId] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    setFailure(null)
    try {
      await work()
      onChanged()
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }
  const grant = (event: FormEvent) => {
    event.preventDefault()
    if (!orgId) return
    void run(() =>
      api(`/api/users/${user.id}/grants`, {
        method: 'POST',
        body: { role, orgId: Number(orgId) },
      }),
    )
  }
  return (
    <section className="card grants" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('users.grantsTitle', { name: user.name })}</h2>
      {user.grants.length === 0 && <p className="muted">{t('users.noGrants')}</p>}
      <ul className="grant-list">
        {user.grants.map((g) => (
          <li key={g.id}>
            {t('users.grant', { role: t(`role.${g.role}`), org: g.orgName })}{' '}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(() => api(`/api/users/${user.id}/grants/${g.id}`, { method: 'DELETE' }))
              }
            >
              {t('users.revoke')}
              <span className="visually-hidden">
                {t('users.grant', { role: t(`role.${g.role}`), org: g.orgName })}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {user.otherGrants > 0 && (
        <p className="hint">{t('users.otherGrants', { n: user.otherGrants })}</p>
      )}
      <form onSubmit={grant} className="field-row">
        <GrantFields
          id={id}
          tree={tree}
          role={role}
          orgId={orgId}
          emptyOrg={t('users.pickOrg')}
          onRole={setRole}
          onOrg={setOrgId}
        />
        <button type="submit" className="primary" disabled={busy || !orgId}>
          {t('users.addGrant')}
        </button>
        <button type="button" onClick={onClose}>
          {t('users.close')}
        </button>
      </form>
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
    </section>
  )
}
