import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { UnitResult } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/zh-CN'

const ROW = 36

/**
 * The branch ranking, virtualised (@tanstack/react-virtual): a real table whose body holds only
 * the rows in view between two spacer rows, so 6,280 branches scroll as smoothly as 60.
 */
export function RankingTable({ units, label }: { units: UnitResult[]; label: string }) {
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
  const note = (unit: UnitResult) =>
    unit.vetoed
      ? t('results.vetoed')
      : unit.demoted
        ? t('results.demoted')
        : (unit.incomplete?.message[locale === 'en' ? 'en' : 'zh-CN'] ?? '')
  return (
    <div ref={parent} className="ranking">
      <table
        className="data-table ranking-table"
        aria-label={label}
        aria-rowcount={units.length + 1}
      >
        <thead>
          <tr>
            <th scope="col">{t('results.col.rank')}</th>
            <th scope="col">{t('results.col.unit')}</th>
            <th scope="col">{t('results.col.type')}</th>
            <th scope="col">{t('results.col.composite')}</th>
            <th scope="col">{t('results.col.grade')}</th>
            <th scope="col">{t('results.col.stars')}</th>
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
              <tr key={unit.unitId} aria-rowindex={item.index + 2} style={{ height: ROW }}>
                <td>{unit.rank ?? '—'}</td>
                <td className="unit-name">{unit.name}</td>
                <td>{typeLabel(unit.unitType)}</td>
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
