import { idForPath } from '@yardstick/doc'
import type { FormIssue, FormValidation } from '@yardstick/sdk'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useViewSelect } from '../EditorContext'

/** Errors and advice from `validateForm`; each one selects the element at fault. */
export function ValidationPanel({ validation }: { validation: FormValidation }) {
  const { t } = useI18n()
  const { select } = useEditor()
  // The element at fault of each issue, as one string: typing elsewhere does not render this.
  const located = useViewSelect((view) =>
    [...validation.errors, ...validation.warnings]
      .map((issue) => idForPath(view, issue.path) ?? '')
      .join('\n'),
  ).split('\n')
  const list = (issues: FormIssue[], kind: 'error' | 'warning', offset: number) => (
    <ul className={`issues issues-${kind}`}>
      {issues.map((issue, i) => {
        const id = located[offset + i] || null
        return (
          <li key={`${issue.path}-${issue.code}-${i}`}>
            <button
              type="button"
              className="issue"
              disabled={!id}
              aria-label={t('validation.locate', { message: issue.message })}
              onClick={() => id && select(id)}
            >
              <span className="issue-message">{issue.message}</span>
              <code className="issue-path">{issue.path || '/'}</code>
            </button>
          </li>
        )
      })}
    </ul>
  )
  return (
    <div className="validation" aria-live="polite">
      {validation.errors.length === 0 && <p className="ok">{t('validation.ok')}</p>}
      {validation.errors.length > 0 && (
        <>
          <h3>{t('validation.errors', { n: validation.errors.length })}</h3>
          {list(validation.errors, 'error', 0)}
        </>
      )}
      {validation.warnings.length > 0 && (
        <>
          <h3>{t('validation.warnings', { n: validation.warnings.length })}</h3>
          {list(validation.warnings, 'warning', validation.errors.length)}
        </>
      )}
    </div>
  )
}
