import type { FormSummary } from '../api/types'
import { useApi } from '../api/useApi'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { kindKey } from './kinds'

/** The forms as a table with their actions. */
export function FormTable({
  forms,
  editable,
  onChanged,
}: {
  forms: FormSummary[]
  editable: boolean
  onChanged: (message: string) => void
}) {
  const { t, locale } = useI18n()
  const api = useApi()
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  const duplicate = async (form: FormSummary) => {
    await api(`/api/forms/${form.id}/duplicate`, { method: 'POST', body: {} })
    onChanged(t('forms.duplicated', { title: `${form.title}（副本）` }))
  }
  const archive = async (form: FormSummary, archived: boolean) => {
    await api(`/api/forms/${form.id}/${archived ? 'archive' : 'unarchive'}`, { method: 'POST' })
    onChanged(t(archived ? 'forms.archivedDone' : 'forms.unarchivedDone', { title: form.title }))
  }

  if (forms.length === 0) return null
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('forms.col.title')}</th>
            <th scope="col">{t('forms.col.kind')}</th>
            <th scope="col">{t('forms.col.updated')}</th>
            <th scope="col">{t('forms.col.version')}</th>
            <th scope="col">{t('forms.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {forms.map((form) => (
            <tr key={form.id}>
              <td>
                <Link to={`/forms/${form.id}`}>{form.title}</Link>
              </td>
              <td>
                <span className={`kind-tag kind-${form.kind}`}>{t(kindKey(form.kind))}</span>
              </td>
              <td>{time.format(new Date(form.updatedAt))}</td>
              <td>
                {form.latestVersion === null
                  ? t('forms.unpublished')
                  : t('forms.version', { n: form.latestVersion })}
              </td>
              <td className="actions">
                <Link to={`/forms/${form.id}`}>{t('forms.open')}</Link>
                {editable && (
                  <>
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t('forms.duplicate')} ${form.title}`}
                      onClick={() => void duplicate(form)}
                    >
                      {t('forms.duplicate')}
                    </button>
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t(form.archived ? 'forms.unarchive' : 'forms.archive')} ${form.title}`}
                      onClick={() => void archive(form, !form.archived)}
                    >
                      {t(form.archived ? 'forms.unarchive' : 'forms.archive')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
