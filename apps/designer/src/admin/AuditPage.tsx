import './admin.css'
import type { AuditPage as AuditList } from '@yardstick/contract'
import { useId, useState } from 'react'
import { query } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useOrgs } from '../campaigns/useOrgs'
import { useI18n } from '../i18n/I18nProvider'
import { type MessageKey, zhCN } from '../i18n/zh-CN'
import { AdminNav } from './AdminNav'
import { actionKeys, auditChanges } from './audit-text'
import { OrgSelect } from './OrgSelect'
import { Pager } from './Pager'

const PAGE = 50
/** The entities the log records, for the filter (`audit.entity.*` names each). */
const ENTITIES = [
  'org',
  'user',
  'roleGrant',
  'form',
  'campaign',
  'selfCheck',
  'rectification',
] as const
const has = (key: string): key is MessageKey => Object.hasOwn(zhCN, key)

/**
 * 操作日志 (`/admin/audit`): who changed what in the admin's subtree, newest first — time, who,
 * the action in words, the entity, and each changed field before → after — filtered by entity,
 * unit and dates, with the same filters' CSV.
 */
export function AuditPage() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const orgs = useOrgs()
  const [entity, setEntity] = useState('')
  const [subtree, setSubtree] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [offset, setOffset] = useState(0)
  const filters = {
    entity,
    subtree,
    from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
    to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
  }
  const path = `/api/audit${query({ ...filters, limit: PAGE, offset })}`
  const entries = useResource(path, (signal) => api<AuditList>(path, { signal }))
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' })
  const actionText = (action: string) => {
    const keys = actionKeys(action, has)
    return keys ? keys.map((key) => t(key as MessageKey)).join('') : action
  }
  const filter = (apply: () => void) => {
    apply()
    setOffset(0)
  }
  return (
    <main className="page admin">
      <AdminNav current="audit" />
      <div className="page-head">
        <h1>{t('audit.title')}</h1>
        <span className="spacer" />
        <a className="button" href={`/api/audit.csv${query(filters)}`} download>
          {t('audit.exportCsv')}
        </a>
      </div>
      <form
        className="filters"
        aria-label={t('audit.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor={`${id}-entity`}>{t('audit.col.entity')}</label>
        <select
          id={`${id}-entity`}
          value={entity}
          onChange={(e) => filter(() => setEntity(e.target.value))}
        >
          <option value="">{t('audit.anyEntity')}</option>
          {ENTITIES.map((e) => (
            <option key={e} value={e}>
              {t(`audit.entity.${e}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-org`}>{t('users.org')}</label>
        <OrgSelect
          id={`${id}-org`}
          tree={orgs.data?.items ?? []}
          value={subtree}
          onChange={(v) => filter(() => setSubtree(v))}
          empty={t('users.anyOrg')}
        />
        <label htmlFor={`${id}-from`}>{t('audit.from')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => filter(() => setFrom(e.target.value))}
        />
        <label htmlFor={`${id}-to`}>{t('audit.to')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={to}
          onChange={(e) => filter(() => setTo(e.target.value))}
        />
      </form>
      {entries.error && (
        <p role="alert" className="error">
          {errorText(entries.error)}
        </p>
      )}
      {entries.data?.items.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {entries.data && entries.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.col.at')}</th>
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entity')}</th>
                <th scope="col">{t('audit.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.items.map((entry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td>{time.format(new Date(entry.at))}</td>
                  <td>{entry.actorName ?? t('audit.system')}</td>
                  <td>{actionText(entry.action)}</td>
                  <td>
                    {has(`audit.entity.${entry.entity}`)
                      ? t(`audit.entity.${entry.entity}` as MessageKey)
                      : entry.entity}{' '}
                    <span className="muted">#{entry.entityId}</span>
                  </td>
                  <td>
                    {auditChanges(entry.before, entry.after).map((c) => (
                      <div key={c.field}>
                        {c.field && <span className="muted">{c.field}：</span>}
                        {c.before} → {c.after}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries.data && (
        <Pager
          offset={offset}
          nextOffset={entries.data.nextOffset}
          pageSize={PAGE}
          onChange={setOffset}
        />
      )}
    </main>
  )
}
