import type { OrgNode, Role } from '@yardstick/contract'
import { useI18n } from '../i18n/I18nProvider'
import { OrgSelect } from './OrgSelect'
import { GRANT_ROLES } from './roles'

/** A role and the unit it is granted on: the two fields of every grant (new user, roles editor). */
export function GrantFields({
  id,
  tree,
  role,
  orgId,
  emptyOrg,
  onRole,
  onOrg,
}: {
  id: string
  tree: readonly OrgNode[]
  role: Role
  orgId: string
  /** The text of the "no unit" choice. */
  emptyOrg: string
  onRole: (role: Role) => void
  onOrg: (orgId: string) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => onRole(e.target.value as Role)}>
          {GRANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('users.org')}</label>
        <OrgSelect id={`${id}-org`} tree={tree} value={orgId} onChange={onOrg} empty={emptyOrg} />
      </div>
    </>
  )
}
