import { useId } from 'react'
import type { CampaignResults } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { useSourceName } from './SourceNames'

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`

/**
 * Participation: units graded and not, and per source the responses and the share of units
 * that have any, each with a bar; and the way to the branches that have not answered.
 */
export function ParticipationCard({
  participation,
  campaignId,
}: {
  participation: CampaignResults['participation']
  /** Links to the campaign's participation page (who has not answered), when given. */
  campaignId?: number
}) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const id = useId()
  const { units, graded, incomplete, bySource } = participation
  const rate = (n: number) => (units === 0 ? 0 : n / units)
  return (
    <section className="card participation" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('results.participation')}</h2>
      <p>{t('results.units', { n: units, graded, incomplete })}</p>
      <Meter
        label={t('results.participationRate', { rate: percent(rate(graded)) })}
        share={rate(graded)}
      />
      <ul className="participation-sources">
        {Object.entries(bySource).map(([source, p]) => (
          <li key={source} data-source={source}>
            {t('results.source', {
              source: nameOf(source),
              responses: p.responses,
              units: p.unitsWithResponses,
            })}
            <Meter
              label={t('results.participationRate', { rate: percent(rate(p.unitsWithResponses)) })}
              share={rate(p.unitsWithResponses)}
            />
          </li>
        ))}
      </ul>
      {campaignId !== undefined && (
        <Link to={`/campaigns/${campaignId}/participation`}>{t('office.participationLink')}</Link>
      )}
    </section>
  )
}

function Meter({ label, share }: { label: string; share: number }) {
  return (
    <div className="meter-row">
      <meter min={0} max={1} value={share} aria-label={label} />
      <span className="muted">{label}</span>
    </div>
  )
}
