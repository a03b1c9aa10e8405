import type { UnitParticipation } from '../api/campaign-office'
import type { CampaignSource } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { CopyButton } from './CopyButton'
import { progressText } from './participation'

/**
 * One branch's participation: per source its answered / expected and status, the self-check's
 * step, the tokens issued and used, and, while still owed, the link to copy into a reminder.
 */
export function ParticipationRow({
  unit,
  sources,
}: {
  unit: UnitParticipation
  sources: ReadonlyArray<CampaignSource['key']>
}) {
  const { t } = useI18n()
  return (
    <tr data-unit={unit.name} data-unit-id={unit.unitId}>
      <td>{unit.parentName ?? '—'}</td>
      <td>{unit.name}</td>
      {sources.map((key) => {
        const entry = unit.sources[key]
        if (!entry) return <td key={key}>—</td>
        return (
          <td key={key} data-source={key} data-status={entry.status}>
            <span className="progress">{progressText(entry)}</span>{' '}
            <span className={`badge participation-${entry.status}`}>
              {t(`office.status.${entry.status}`)}
            </span>
            {entry.selfCheck !== undefined && (
              <div className="muted small">
                {entry.selfCheck === null
                  ? t('office.selfNotBegun')
                  : t(`selfStatus.${entry.selfCheck}`)}
              </div>
            )}
            {entry.basis === 'tokens' && (
              <div className="muted small">
                {t('office.tokensUsed', { used: entry.tokensUsed, issued: entry.tokensIssued })}
              </div>
            )}
            {entry.status !== 'complete' && (
              <div>
                <CopyButton text={entry.url} label={t('campaignAdmin.copyLink')} />
              </div>
            )}
          </td>
        )
      })}
    </tr>
  )
}
