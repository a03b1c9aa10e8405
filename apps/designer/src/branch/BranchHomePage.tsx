import type { CampaignSummary, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useResource } from '../api/useResource'
import { useSignedIn } from '../auth/SessionProvider'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { branchUnits } from './units'

/**
 * A branch's start page: the campaigns its branches take part in, each with a link to the
 * branch's self-check (the server creates the draft when it is first opened).
 */
export function BranchHomePage() {
  const { t } = useI18n()
  const api = useApi()
  const { user } = useSignedIn()
  const units = branchUnits(user)
  const path = '/api/campaigns?limit=50'
  const campaigns = useResource(path, (signal) => api<Page<CampaignSummary>>(path, { signal }))
  const named = useResource(`units:${units.join(',')}`, (signal) =>
    Promise.all(
      units.map((id) => api<{ id: number; name: string }>(`/api/orgs/${id}`, { signal })),
    ),
  )
  const names = new Map(named.data?.map((org) => [org.id, org.name]))
  return (
    <main className="page branch-page">
      <h1>{t('branch.title')}</h1>
      <p className="muted">{t('branch.intro')}</p>
      {units.length === 0 && <p className="notice">{t('branch.noUnits')}</p>}
      {campaigns.error && <p className="error">{campaigns.error.message}</p>}
      {campaigns.data?.items.length === 0 && <p className="muted">{t('branch.noCampaigns')}</p>}
      {units.length > 0 && (
        <ul className="branch-campaigns">
          {campaigns.data?.items.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>{' '}
              <span className="muted">
                {c.opensAt.slice(0, 10)} – {c.closesAt.slice(0, 10)}
              </span>
              <ul>
                {units.map((unit) => (
                  <li key={unit}>
                    <Link to={`/branch/campaigns/${c.id}/units/${unit}`}>
                      {t('branch.open', {
                        unit: names.get(unit) ?? t('branch.unit', { id: unit }),
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
