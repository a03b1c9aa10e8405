import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues } from './FieldIssue'

/**
 * The portal origins allowed to embed a campaign's surveys, one row each (add, edit, remove);
 * a refused origin's message is shown under its row (`allowedOrigins.<row>`).
 */
export function OriginsEditor({
  origins,
  issues,
  disabled,
  onChange,
}: {
  origins: string[]
  issues: Issues
  disabled: boolean
  onChange: (origins: string[]) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const set = (row: number, value: string) =>
    onChange(origins.map((origin, i) => (i === row ? value : origin)))
  return (
    <div className="origins">
      {origins.map((origin, row) => {
        const issue = issues[`allowedOrigins.${row}`]
        return (
          // Rows are positions: the issues the server sends are by position too.
          <div className="origin-row" key={row}>
            <label htmlFor={`${id}-${row}`} className="visually-hidden">
              {t('office.origin', { n: row + 1 })}
            </label>
            <input
              id={`${id}-${row}`}
              type="url"
              inputMode="url"
              placeholder="https://dangjian.example.cn"
              value={origin}
              disabled={disabled}
              aria-invalid={issue !== undefined}
              aria-describedby={`${id}-${row}-issue`}
              onChange={(e) => set(row, e.target.value)}
            />
            <button
              type="button"
              disabled={disabled}
              aria-label={t('office.removeOrigin', { n: row + 1 })}
              onClick={() => onChange(origins.filter((_, i) => i !== row))}
            >
              {t('office.remove')}
            </button>
            <FieldIssue id={`${id}-${row}-issue`} message={issue} />
          </div>
        )
      })}
      <button type="button" disabled={disabled} onClick={() => onChange([...origins, ''])}>
        {t('office.addOrigin')}
      </button>
    </div>
  )
}
