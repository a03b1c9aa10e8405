import { roundForDisplay } from '@yardstick/sdk'
import { useId } from 'react'
import type { UnitDimension } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { Chart } from './Charts'
import { unitDimensionBars } from './dimension-bars'
import { useSourceName } from './SourceNames'

const figure = (value: number | null) => (value === null ? '—' : `${roundForDisplay(value, 1)}%`)

/**
 * A branch's percent on each dimension of each source beside the median of the units under the
 * same parent (`UnitDetail.dimensions`): a chart of bar pairs per source and the figures as a
 * table. Nothing when no form declares dimensions.
 */
export function UnitDimensions({ dimensions }: { dimensions: readonly UnitDimension[] }) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const id = useId()
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  if (dimensions.length === 0) return null
  const sources = [...new Set(dimensions.map((d) => d.source))]
  return (
    <section className="card unit-dimensions" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('dimensions.unitTitle')}</h2>
      {sources.map((source) => {
        const rows = dimensions.filter((d) => d.source === source)
        const label = t('dimensions.unitChart', { source: nameOf(source) })
        return (
          <figure key={source} className="question" data-source={source}>
            <figcaption>
              <b>{label}</b>
            </figcaption>
            <Chart
              bars={unitDimensionBars(rows, lang, t('dimensions.median'))}
              label={label}
              horizontal
              max={100}
            />
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('dimensions.col.dimension')}</th>
                  <th scope="col">{t('dimensions.col.unit')}</th>
                  <th scope="col">{t('dimensions.col.median')}</th>
                  <th scope="col">{t('dimensions.col.range')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((d) => (
                  <tr key={d.name} data-dimension={d.name}>
                    <th scope="row">{d.title[lang]}</th>
                    <td>{figure(d.percent)}</td>
                    <td>{figure(d.subtree.median)}</td>
                    <td>
                      {figure(d.subtree.min)}–{figure(d.subtree.max)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        )
      })}
    </section>
  )
}
