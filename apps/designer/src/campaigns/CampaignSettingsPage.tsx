import type { Participation } from '../api/campaign-office'
import type { CampaignDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { AggregateCheckPanel } from './AggregateCheckPanel'
import { SettingsForm } from './SettingsForm'
import './campaigns.css'
import './office.css'

/**
 * A campaign's settings after creation (`PATCH /api/campaigns/:id`): name, window, the portals
 * that may embed it, whether respondents see their score, a quiz's time limit, and its sources
 * (added, removed, or edited with the creation page's `SourceFields`) — the last only while no
 * response exists (the page says so and locks them). A closed campaign is shown read-only until
 * it is reopened. Below, for those who manage campaigns, 数据核对: the running totals checked
 * against the responses (`AggregateCheckPanel`).
 */
export function CampaignSettingsPage({ campaignId }: { campaignId: number }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = `/api/campaigns/${campaignId}`
  const campaign = useResource(path, (signal) => api<CampaignDetail>(path, { signal }))
  // Whether answers exist decides what may change; a reader who cannot see them learns it on save.
  const participation = useResource(`${path}/participation?limit=1`, (signal) =>
    api<Participation>(`${path}/participation?limit=1`, { signal }),
  )
  const responses = participation.data?.summary.reduce((n, s) => n + s.answered, 0) ?? 0
  const c = campaign.data
  return (
    <main className="page campaign-settings">
      <Link to={`/campaigns/${campaignId}/admin`}>← {t('office.backToAdmin')}</Link>
      <h1>{t('office.settingsTitle', { name: c?.name ?? '' })}</h1>
      {campaign.error && (
        <p role="alert" className="error">
          {errorText(campaign.error)}
        </p>
      )}
      {c && <SettingsForm key={c.id} campaign={c} responses={responses} />}
      {/* The server says who manages: a grant reaching only some of its units does not. */}
      {c?.canManage && <AggregateCheckPanel campaign={c} />}
    </main>
  )
}
