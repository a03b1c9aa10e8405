import type { VersionDiff } from '../../api/types'
import { useApi } from '../../api/useApi'
import { useResource } from '../../api/useResource'
import { useI18n } from '../../i18n/I18nProvider'

const show = (value: unknown) =>
  value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value)

/** One side of a diff: a version number, or the current (unpublished) form. */
export type DiffSide = number | 'current'

/** What changed from version `a` to version `b` (the server's diff by element name). */
export function VersionDiffView({ formId, a, b }: { formId: number; a: DiffSide; b: DiffSide }) {
  const { t } = useI18n()
  const api = useApi()
  const path = `/api/forms/${formId}/versions/${a}/diff/${b}`
  const diff = useResource(path, (signal) => api<VersionDiff>(path, { signal }))
  if (diff.error) return <p className="error">{diff.error.message}</p>
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
                <ul>
                  {e.changes.map((c) => (
                    <li key={c.property}>
                      {c.property}：<del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      {form.length > 0 && (
        <section>
          <h3>{t('versions.formChanged', { n: form.length })}</h3>
          <ul>
            {form.map((c) => (
              <li key={c.property}>
                {c.property}：<del>{show(c.before)}</del> → <ins>{show(c.after)}</ins>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
