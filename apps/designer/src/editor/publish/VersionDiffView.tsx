import type { VersionDiff } from '../../api/types'
import { useApi } from '../../api/useApi'
import { useErrorText } from '../../api/useErrorText'
import { useResource } from '../../api/useResource'
import { useI18n } from '../../i18n/I18nProvider'
import { changeLabel, type DiffChange, valueText } from './diff-text'

/** One side of a diff: a version number, or the current (unpublished) form. */
export type DiffSide = number | 'current'

/**
 * What changed from version `a` to version `b` (the server's diff by element name): each
 * property as the properties panel names it, a localised text per language as text
 * (`标题（English）：— → Dues paid?`), never JSON for what people wrote.
 */
export function VersionDiffView({ formId, a, b }: { formId: number; a: DiffSide; b: DiffSide }) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = `/api/forms/${formId}/versions/${a}/diff/${b}`
  const diff = useResource(path, (signal) => api<VersionDiff>(path, { signal }))
  // An absent side reads as "(none)", neither struck out nor underlined.
  const side = (value: unknown, Mark: 'del' | 'ins') =>
    value === null || value === undefined ? (
      <span className="muted">{valueText(value, t, locale)}</span>
    ) : (
      <Mark>{valueText(value, t, locale)}</Mark>
    )
  const line = (c: DiffChange) => (
    <li key={`${c.property}:${c.locale ?? ''}`} data-property={c.property} data-locale={c.locale}>
      {t('versions.line', { label: changeLabel(c, t) })}
      {side(c.before, 'del')} → {side(c.after, 'ins')}
    </li>
  )
  if (diff.error) return <p className="error">{errorText(diff.error)}</p>
  if (!diff.data) return <p className="muted">{t('app.loading')}</p>
  const { added, removed, changed, form } = diff.data
  if (added.length + removed.length + changed.length + form.length === 0) {
    return <p className="muted">{t('versions.same')}</p>
  }
  return (
    <div className="version-diff">
      {added.length > 0 && (
        <section>
          <h3>{t('versions.added', { n: added.length })}</h3>
          <ul>
            {added.map((e) => (
              <li key={e.name} className="diff-added">
                <code>{e.name}</code> {e.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {removed.length > 0 && (
        <section>
          <h3>{t('versions.removed', { n: removed.length })}</h3>
          <ul>
            {removed.map((e) => (
              <li key={e.name} className="diff-removed">
                <code>{e.name}</code> {e.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changed.length > 0 && (
        <section>
          <h3>{t('versions.changed', { n: changed.length })}</h3>
          <ul>
            {changed.map((e) => (
              <li key={e.name}>
                <code>{e.name}</code>
                <ul>{e.changes.map(line)}</ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {form.length > 0 && (
        <section>
          <h3>{t('versions.formChanged', { n: form.length })}</h3>
          <ul>{form.map(line)}</ul>
        </section>
      )}
    </div>
  )
}
