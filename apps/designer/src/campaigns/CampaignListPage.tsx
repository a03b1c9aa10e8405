import type { CampaignSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'

/** The campaigns the user can see, newest first, each with links to its results and admin. */
export function CampaignListPage() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = '/api/campaigns?limit=100'
  const campaigns = useResource(path, (signal) => api<Page<CampaignSummary>>(path, { signal }))
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('campaigns.title')}</h1>
        <span className="spacer" />
        <Link to="/campaigns/new" className="button primary">
          {t('campaigns.new')}
        </Link>
      </div>
      {campaigns.error && (
        <p role="alert" className="error">
          {errorText(campaigns.error)}
        </p>
      )}
      {campaigns.data?.items.length === 0 && <p className="muted">{t('campaigns.empty')}</p>}
      {campaigns.data && campaigns.data.items.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.col.name')}</th>
              <th scope="col">{t('campaigns.col.cadence')}</th>
              <th scope="col">{t('campaigns.col.window')}</th>
              <th scope="col">{t('campaigns.col.status')}</th>
              <th scope="col">{t('campaigns.col.units')}</th>
              <th scope="col">{t('forms.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{t(`cadence.${c.cadence}`)}</td>
                <td>
                  {date.format(new Date(c.opensAt))} – {date.format(new Date(c.closesAt))}
                </td>
                <td>
                  <span className={`status status-${c.status}`}>{t(`status.${c.status}`)}</span>
                </td>
                <td>{c.unitCount}</td>
                <td className="actions">
                  <Link to={`/campaigns/${c.id}`}>{t('campaigns.results')}</Link>
                  <Link to={`/campaigns/${c.id}/admin`}>{t('campaigns.manage')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  )
}
