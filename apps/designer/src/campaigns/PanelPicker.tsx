import type { UserList } from '@yardstick/contract'
import { useState } from 'react'
import { query } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue } from './FieldIssue'

const SHOWN = 20

/**
 * The people of a panel source (述职评议): search the users by name or e-mail and tick who rates;
 * those chosen stay listed (and can be taken off) whatever the search shows.
 */
export function PanelPicker({
  id,
  sourceName,
  chosen,
  issue,
  disabled,
  onChange,
}: {
  id: string
  sourceName: string
  chosen: number[]
  issue?: string
  disabled: boolean
  onChange: (panel: number[]) => void
}) {
  const { t } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const [q, setQ] = useState('')
  const path = `/api/users${query({ q, active: 'true', limit: SHOWN })}`
  const users = useResource(path, (signal) => api<UserList>(path, { signal }))
  const [names, setNames] = useState<Record<number, string>>({})
  const toggle = (user: { id: number; name: string }, on: boolean) => {
    setNames((known) => ({ ...known, [user.id]: user.name }))
    onChange(on ? [...chosen, user.id] : chosen.filter((userId) => userId !== user.id))
  }
  const listed = users.data?.items ?? []
  return (
    <div className="field panel-picker" data-panel-of={sourceName}>
      <label htmlFor={`${id}-q`}>{t('campaignNew.panel', { source: sourceName })}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={q}
        disabled={disabled}
        placeholder={t('campaignNew.panel.search')}
        onChange={(e) => setQ(e.target.value)}
      />
      {users.error && <p className="muted">{errorText(users.error)}</p>}
      <ul className="panel-choices">
        {[
          ...chosen
            .filter((userId) => !listed.some((user) => user.id === userId))
            .map((userId) => ({ id: userId, name: names[userId] ?? `#${userId}`, email: '' })),
          ...listed,
        ].map((user) => (
          <li key={user.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.includes(user.id)}
                disabled={disabled}
                onChange={(e) => toggle(user, e.target.checked)}
              />
              {user.name}
              {user.email && <span className="muted"> {user.email}</span>}
            </label>
          </li>
        ))}
      </ul>
      <p className="muted">{t('campaignNew.panel.count', { n: chosen.length })}</p>
      <FieldIssue id={`${id}-issue`} message={issue} />
    </div>
  )
}
