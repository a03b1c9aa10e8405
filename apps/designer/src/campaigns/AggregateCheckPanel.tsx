import type { AggregateCheck } from '@yardstick/contract'
import { useId, useState } from 'react'
import type { CampaignDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { comparedGroups, differenceRows } from './aggregate-check'
import { useSourceName } from './SourceNames'

/**
 * 数据核对: recomputes the campaign's running totals from every response
 * (`GET /api/campaigns/:id/aggregates/verify`, `verifyCampaignAggregates`) and says whether they
 * agree, listing the first differences. For those who manage the campaign (the server answers
 * 403 to anyone else).
 */
export function AggregateCheckPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const nameOf = useSourceName(campaign.sources)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [check, setCheck] = useState<AggregateCheck | null>(null)

  const run = async () => {
    setBusy(true)
    setFailure(null)
    setCheck(null)
    try {
      setCheck(await api<AggregateCheck>(`/api/campaigns/${campaign.id}/aggregates/verify`))
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card aggregate-check" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('office.checkTotals')}</h2>
      <p className="hint">{t('office.checkTotalsHint')}</p>
      <button type="button" disabled={busy} onClick={run}>
        {busy ? t('office.checking') : t('office.check')}
      </button>
      <div aria-live="polite">
        {check && check.differenceCount === 0 && (
          <p className="ok" role="status" data-outcome="consistent">
            {t('office.totalsConsistent', { n: comparedGroups(check) })}
          </p>
        )}
        {check && check.differenceCount > 0 && (
          <>
            <p className="error" role="status" data-outcome="differences">
              {t('office.totalsDiffer', { n: check.differenceCount })}
            </p>
            <ul className="aggregate-differences">
              {differenceRows(check).map((row, index) => (
                // By place: the list is replaced whole on each check.
                <li key={index}>
                  {t('office.totalsDifference', {
                    table: t(`office.aggregateTable.${row.table}`),
                    unit: row.unitId,
                    source: nameOf(row.source),
                    group: row.group,
                    expected: row.expected,
                    kept: row.kept,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
    </section>
  )
}
