import './home.css'
import type { FormSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { kindKey } from '../forms/kinds'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'

const LIMIT = 50

/**
 * The reviewer's home (待审阅, `/review`): forms with unresolved review threads (most recent
 * first), then forms never published or changed since their latest version — what there is to
 * review before the next publish. Each opens the form (read-only for a reviewer).
 */
export function ReviewHomePage() {
  const { t } = useI18n()
  return (
    <main className="page review-home" data-home="review">
      <h1>{t('review.title')}</h1>
      <p className="muted">{t('review.intro')}</p>
      <FormsSection filter="openThreads" heading="review.threads" empty="review.noThreads" />
      <FormsSection
        filter="unpublished"
        heading="review.unpublished"
        empty="review.noUnpublished"
      />
      <p>
        <Link to="/forms">{t('review.allForms')}</Link>
      </p>
    </main>
  )
}

function FormsSection({
  filter,
  heading,
  empty,
}: {
  filter: 'openThreads' | 'unpublished'
  heading: 'review.threads' | 'review.unpublished'
  empty: 'review.noThreads' | 'review.noUnpublished'
}) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = `/api/forms?${filter}=true&limit=${LIMIT}`
  const forms = useResource(path, (signal) => api<Page<FormSummary>>(path, { signal }))
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
  return (
    <section className="overview-section" aria-labelledby={`review-${filter}-h`}>
      <h2 id={`review-${filter}-h`}>{t(heading, { n: forms.data?.total ?? 0 })}</h2>
      {forms.error && (
        <p role="alert" className="error">
          {errorText(forms.error)}
        </p>
      )}
      {forms.data?.items.length === 0 && <p className="muted">{t(empty)}</p>}
      <ul className="review-forms" data-filter={filter}>
        {forms.data?.items.map((form) => (
          <li key={form.id}>
            <Link to={`/forms/${form.id}`}>{form.title}</Link>
            <span className="kind-tag">{t(kindKey(form.kind))}</span>
            <span className="muted">
              {filter === 'openThreads'
                ? t('review.openThreads', { n: form.openThreads ?? 0 })
                : form.latestVersion === null
                  ? t('review.neverPublished')
                  : t('review.changedSince', { n: form.latestVersion })}
              {' · '}
              {t('review.updated', { date: day(form.updatedAt) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
