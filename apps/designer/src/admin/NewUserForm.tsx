import type { CreatedUser, OrgNode, Role } from '@yardstick/contract'
import { type FormEvent, useId, useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { GrantFields } from './GrantFields'

/** A new account: e-mail, name and, optionally, a first role on a unit; answers what was created. */
export function NewUserForm({
  tree,
  onCancel,
  onCreated,
}: {
  tree: readonly OrgNode[]
  onCancel: () => void
  onCreated: (created: CreatedUser) => void
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('secretary')
  const [orgId, setOrgId] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      const grants = orgId ? [{ role, orgId: Number(orgId) }] : []
      onCreated(
        await api<CreatedUser>('/api/users', {
          method: 'POST',
          body: { email: email.trim(), name: name.trim(), grants },
        }),
      )
    } catch (caught) {
      setFailure(caught)
      setBusy(false)
    }
  }
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('users.new')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('users.col.email')}</label>
            <input
              id={`${id}-email`}
              type="email"
              required
              value={email}
              // biome-ignore lint/a11y/noAutofocus: the form opens for this field
              autoFocus
              onChange={(e) => setEmail(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('users.col.name')}</label>
            <input
              id={`${id}-name`}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
        </div>
        <div className="field-row">
          <GrantFields
            id={id}
            tree={tree}
            role={role}
            orgId={orgId}
            emptyOrg={t('users.noFirstRole')}
            onRole={setRole}
            onOrg={setOrgId}
          />
        </div>
        {failure !== null && (
          <p role="alert" className="error">
            {errorText(failure)}
          </p>
        )}
        <div className="row-actions">
          <button
            type="submit"
            className="primary"
            disabled={busy || !email.trim() || !name.trim()}
          >
            {t('users.create')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('orgs.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
