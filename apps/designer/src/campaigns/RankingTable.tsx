import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { UnitResult } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/zh-CN'
import { Link } from '../router'
import { InstrumentsUsed } from './InstrumentsUsed'
import { FIRST_DIRECTION, RANKING_COLUMNS, type RankingColumn, type RankingSort } from './ranking'
import { variedInstrumentSources } from './type-forms'

const ROW = 36

const HEADERS: Record<RankingColumn, MessageKey> = {
  rank: 'results.col.rank',
  name: 'results.col.unit',
  unitType: 'results.col.type',
  composite: 'results.col.composite',
  grade: 'results.col.grade',
  stars: 'results.col.stars',
}

/**
 * The branch ranking, virtualised (@tanstack/react-virtual): a real table whose body holds only
 * the rows in view between two spacer rows, so 6,280 branches scroll as smoothly as 60. Each
 * column header sorts (again: the other way); a branch's name opens its detail.
 */
export function RankingTable({
  units,
  label,
  sort,
  onSort,
  detailPath,
}: {
  units: readonly UnitResult[]
  label: string
  sort: RankingSort
  onSort: (sort: RankingSort) => void
  detailPath: (unit: UnitResult) => string
}) {
  const { t, locale } = useI18n()
  const parent = useRef<HTMLDivElement>(null)
  const virtual = useVirtualizer({
    count: units.length,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW,
    overscan: 12,
  })
  const items = virtual.getVirtualItems()
  const before = items[0]?.start ?? 0
  const after = virtual.getTotalSize() - (items.at(-1)?.end ?? 0)
  const typeLabel = (type: string | null) => (type ? t(`unitType.${type}` as MessageKey) : '—')
  const varied = variedInstrumentSources(units)
  const note = (unit: UnitResult) =>
    unit.vetoed
      ? t('results.vetoed')
      : unit.demoted
        ? t('results.demoted')
        : (unit.incomplete?.message[locale === 'en' ? 'en' : 'zh-CN'] ?? '')
  const header = (column: RankingColumn) => {
    const active = sort.column === column
    const next: RankingSort = active
      ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
      : { column, direction: FIRST_DIRECTION[column] }
    const name = t(HEADERS[column])
    return (
      <th
        scope="col"
        key={column}
        aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          aria-label={t('results.sortBy', { column: name })}
          onClick={() => onSort(next)}
        >
          {name}
          <span aria-hidden="true">{active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    )
  }
  return (
    <div ref={parent} className="ranking">
      <table
        className="data-table ranking-table"
        aria-label={label}
        aria-rowcount={units.length + 1}
      >
        <thead>
          <tr>
            {RANKING_COLUMNS.map(header)}
            <th scope="col">{t('results.col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr>
              <td colSpan={7} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const unit = units[item.index]
            if (!unit) return null
            return (
              <tr
                key={unit.unitId}
                aria-rowindex={item.index + 2}
                data-unit-id={unit.unitId}
                style={{ height: ROW }}
              >
                <td>{unit.rank ?? '—'}</td>
                <td className="unit-name">
                  <Link to={detailPath(unit)}>{unit.name}</Link>
                </td>
                <td>
                  {typeLabel(unit.unitType)}
                  <InstrumentsUsed unit={unit} sources={varied} />
                </td>
                <td>
                  {unit.composite === null
                    ? '—'
                    : (Math.round(unit.composite * 10) / 10).toFixed(1)}
                </td>
                <td>{unit.grade ?? '—'}</td>
                <td>{unit.stars ? '★'.repeat(unit.stars) : '—'}</td>
                <td className="muted">{note(unit)}</td>
              </tr>
            )
          })}
          {after > 0 && (
            <tr>
              <td colSpan={7} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
