import type { GradeChange, UnitSeries } from '@yardstick/contract'
import { roundForDisplay } from '@yardstick/sdk'
import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { Chart } from './Charts'

const CHANGE_COLORS = { up: '#2f9e44', down: '#e03131', same: '#1971c2' } as const

/**
 * A branch across the periods of its series (评星晋级): its change since the previous period
 * (晋级 / 降级 / 持平 and the stars difference), a bar per period of its composite, and the table
 * of composite, grade, stars and rank per period.
 */
export function SeriesPanel({ series }: { series: UnitSeries }) {
  const { t } = useI18n()
  const id = useId()
  const rows = series.periods.map((period, i) => ({ period, row: series.rows[i] ?? null }))
  const gradeText = (grade: string | null) => grade ?? t('series.ungraded')
  return (
    <section className="card unit-series" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('series.title')}</h2>
      <ChangeBadge change={series.change} />
      {rows.length > 1 && (
        <Chart
          label={t('series.chart')}
          // Bonus points can lift a composite past 100: the axis grows with it.
          max={Math.max(100, ...rows.map(({ row }) => row?.composite ?? 0))}
          height={200}
          bars={rows.map(({ period, row }) => ({
            name: period.name,
            value: row?.composite ?? 0,
            label: row
              ? `${roundForDisplay(row.composite, 1) ?? '—'} ${gradeText(row.grade)}`
              : t('series.notAssessed'),
          }))}
        />
      )}
      <table className="data-table compact" aria-labelledby={`${id}-h`}>
        <thead>
          <tr>
            <th scope="col">{t('series.col.period')}</th>
            <th scope="col">{t('series.col.composite')}</th>
            <th scope="col">{t('series.col.grade')}</th>
            <th scope="col">{t('series.col.stars')}</th>
            <th scope="col">{t('series.col.rank')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ period, row }) => (
            <tr key={period.campaignId} data-campaign={period.campaignId}>
              <th scope="row">{period.name}</th>
              {row === null ? (
                <td colSpan={4} className="muted">
                  {t('series.notAssessed')}
                </td>
              ) : (
                <>
                  <td>{roundForDisplay(row.composite, 1) ?? '—'}</td>
                  <td>{gradeText(row.grade)}</td>
                  <td>{row.stars ? '★'.repeat(row.stars) : '—'}</td>
                  <td>{row.rank ?? '—'}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** 晋级 / 降级 / 持平 since the previous period, or why there is nothing to compare. */
export function ChangeBadge({ change }: { change: GradeChange }) {
  const { t } = useI18n()
  if (change === null) return <p className="muted">{t('series.first')}</p>
  if (change.change === null) return <p className="muted">{t('change.notComparable')}</p>
  const delta = change.starsDelta
  return (
    <p className="grade-change" data-change={change.change}>
      <span className="badge" style={{ background: CHANGE_COLORS[change.change], color: '#fff' }}>
        {t(`change.${change.change}`)}
      </span>{' '}
      {t('change.since', { grade: change.previousGrade ?? '—' })}
      {delta !== null &&
        delta !== 0 &&
        ` · ${t('change.stars', { delta: delta > 0 ? `+${delta}` : delta })}`}
    </p>
  )
}
