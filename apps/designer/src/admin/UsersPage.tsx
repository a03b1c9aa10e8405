import './admin.css'
import type { ManagedUser, Role, TemporaryPassword, UserList } from '@yardstick/contract'
import { useId, useState } from 'react'
import { query } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useOrgs } from '../campaigns/useOrgs'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { AdminNav } from './AdminNav'
import { GrantsEditor } from './GrantsEditor'
import { NewUserForm } from './NewUserForm'
import { OneTimePassword } from './OneTimePassword'
import { OrgSelect } from './OrgSelect'
import { Pager } from './Pager'
import { GRANT_ROLES } from './roles'

const PAGE = 50

/**
 * 人员与角色 (`/admin/users`): the people holding a role inside the admin's reach, filtered by
 * name or e-mail, role, unit and state; create one (the temporary password shown once),
 * deactivate or reactivate, reset a password (shown once), and edit their roles.
 */
export function UsersPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const orgs = useOrgs()
  const tree = orgs.data?.items ?? []
  const [q, setQ] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const [subtree, setSubtree] = useState('')
  const [active, setActive] = useState<'' | 'true' | 'false'>('')
  const [offset, setOffset] = useState(0)
  const path = `/api/users${query({ q, role, subtree, active, limit: PAGE, offset })}`
  const users = useResource(path, (signal) => api<UserList>(path, { signal }))
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<number | null>(null)
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState<number | null>(null)
  const filter = (apply: () => void) => {
    apply()
    setOffset(0)
  }
  const act = async (user: ManagedUser, verb: 'deactivate' | 'reactivate' | 'reset-password') => {
    if (verb !== 'reactivate' && !window.confirm(t(`users.confirm.${verb}`, { name: user.name })))
      return
    setBusy(user.id)
    setFailure(null)
    setSecret(null)
    try {
      const answer = await api<TemporaryPassword | ManagedUser>(`/api/users/${user.id}/${verb}`, {
        method: 'POST',
      })
      if (verb === 'reset-password' && 'temporaryPassword' in answer)
        setSecret({ email: user.email, password: answer.temporaryPassword })
      users.reload()
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(null)
    }
  }
  const editingUser = users.data?.items.find((u) => u.id === editing)
  return (
    <main className="page admin">
      <AdminNav current="users" />
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <span className="spacer" />
        <Link to="/admin/users/import" className="button">
          {t('admin.page.peopleImport')}
        </Link>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {t('users.new')}
        </button>
      </div>
      {secret && (
        <OneTimePassword
          email={secret.email}
          password={secret.password}
          onDismiss={() => setSecret(null)}
        />
      )}
      {creating && (
        <NewUserForm
          tree={tree}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false)
            setSecret({ email: created.user.email, password: created.temporaryPassword })
            users.reload()
          }}
        />
      )}
      {editingUser && (
        <GrantsEditor
          user={editingUser}
          tree={tree}
          onChanged={users.reload}
          onClose={() => setEditing(null)}
        />
      )}
      <form
        className="filters"
        aria-label={t('users.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor={`${id}-q`}>{t('users.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(e) => filter(() => setQ(e.target.value))}
        />
        <label htmlFor={`${id}-role`}>{t('users.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(e) => filter(() => setRole(e.target.value as Role | ''))}
        >
          <option value="">{t('users.anyRole')}</option>
          {GRANT_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-org`}>{t('users.org')}</label>
        <OrgSelect
          id={`${id}-org`}
          tree={tree}
          value={subtree}
          onChange={(v) => filter(() => setSubtree(v))}
          empty={t('users.anyOrg')}
        />
        <label htmlFor={`${id}-active`}>{t('users.state')}</label>
        <select
          id={`${id}-active`}
          value={active}
          onChange={(e) => filter(() => setActive(e.target.value as '' | 'true' | 'false'))}
        >
          <option value="">{t('users.anyState')}</option>
          <option value="true">{t('users.active')}</option>
          <option value="false">{t('users.deactivated')}</option>
        </select>
      </form>
      {(users.error || failure !== null) && (
        <p role="alert" className="error">
          {errorText(failure ?? users.error)}
        </p>
      )}
      {users.data && (
        <p className="muted" role="status">
          {t('users.total', { n: users.data.total })}
        </p>
      )}
      {users.data && users.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.email')}</th>
                <th scope="col">{t('users.col.roles')}</th>
                <th scope="col">{t('users.col.state')}</th>
                <th scope="col">{t('forms.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id} data-user={user.email} className={user.active ? '' : 'retired'}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>
                    {user.grants
                      .map((g) => t('users.grant', { role: t(`role.${g.role}`), org: g.orgName }))
                      .join(t('users.listSep'))}
                    {user.otherGrants > 0 && (
                      <span className="muted">
                        {' '}
                        {t('users.otherGrants', { n: user.otherGrants })}
                      </span>
                    )}
                  </td>
                  <td>
                    {user.active ? t('users.active') : t('users.deactivated')}
                    {user.active && user.mustChangePassword && (
                      <span className="badge">{t('users.mustChange')}</span>
                    )}
                  </td>
                  <td className="actions">
                    <button type="button" onClick={() => setEditing(user.id)}>
                      {t('users.editRoles')}
                      <span className="visually-hidden">{user.name}</span>
                    </button>
                    {user.active ? (
                      <>
                        <button
                          type="button"
                          disabled={busy === user.id}
                          onClick={() => void act(user, 'reset-password')}
                        >
                          {t('users.resetPassword')}
                          <span className="visually-hidden">{user.name}</span>
                        </button>
                        <button
                          type="button"
                          disabled={busy === user.id}
                          onClick={() => void act(user, 'deactivate')}
                        >
                          {t('users.deactivate')}
                          <span className="visually-hidden">{user.name}</span>
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        disabled={busy === user.id}
                        onClick={() => void act(user, 'reactivate')}
                      >
                        {t('users.reactivate')}
                        <span className="visually-hidden">{user.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {users.data && (
        <Pager
          offset={offset}
          nextOffset={users.data.nextOffset}
          pageSize={PAGE}
          onChange={setOffset}
        />
      )}
    </main>
  )
}
