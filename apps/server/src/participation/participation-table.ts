import type { ExpectedBasis, ParticipationStatus, UnitParticipation } from '@yardstick/contract'
import type { SelfCheckStatus, SourceKey } from '@yardstick/db'
import type { CellValue } from '../exports/cells'
import { type SourceNamer, unitTypeLabel } from '../exports/labels'
import type { XlsxColumn } from '../exports/xlsx-stream'
import type { ParticipationFilter } from './participation'

const STATUS_LABELS: Record<ParticipationStatus, string> = {
  none: '未作答',
  partial: '部分作答',
  complete: '已完成',
}

const BASIS_LABELS: Record<ExpectedBasis, string> = {
  selfCheck: '每个支部一份自查',
  tokens: '按已发凭证数',
  minResponses: '按最少答卷数',
  panel: '评议组每人一份',
  one: '一份考评',
  none: '不设应答数',
}

const SELF_CHECK_LABELS: Record<SelfCheckStatus, string> = {
  draft: '草稿',
  approved: '支委会审议通过',
  announced: '已通报',
  submitted: '已上报',
}

/**
 * Participation as a table to remind branches from (one row per unit and source, Chinese
 * headers): 上级组织, 支部, 类型, 评价来源, 状态, 已答, 应答, 应答依据, 凭证已发, 凭证已用,
 * 自查进度, 答题链接. With `pendingOnly`, only the rows still owed; with `source`, only its rows.
 *
 * @example
 * const { columns, rows } = participationTable(units, { pendingOnly: true }, sourceNames(campaign.sources))
 */
export function participationTable(
  units: readonly UnitParticipation[],
  { source, pendingOnly = false }: Pick<ParticipationFilter, 'source' | 'pendingOnly'>,
  sourceName: SourceNamer,
): { columns: XlsxColumn[]; rows: CellValue[][] } {
  const columns: XlsxColumn[] = [
    { header: '上级组织', width: 20 },
    { header: '支部', width: 28 },
    { header: '类型', width: 10 },
    { header: '评价来源', width: 14 },
    { header: '状态', width: 10 },
    { header: '已答', width: 8 },
    { header: '应答', width: 8 },
    { header: '应答依据', width: 16 },
    { header: '凭证已发', width: 10 },
    { header: '凭证已用', width: 10 },
    { header: '自查进度', width: 16 },
    { header: '答题链接', width: 60 },
  ]
  const rows = units.flatMap((unit) =>
    (Object.keys(unit.sources) as SourceKey[])
      .filter((key) => source === undefined || key === source)
      .flatMap((key): CellValue[][] => {
        const entry = unit.sources[key]
        if (!entry || (pendingOnly && entry.status === 'complete')) return []
        return [
          [
            unit.parentName,
            unit.name,
            unitTypeLabel(unit.unitType),
            sourceName(key),
            STATUS_LABELS[entry.status],
            entry.answered,
            entry.expected,
            BASIS_LABELS[entry.basis],
            entry.tokensIssued,
            entry.tokensUsed,
            entry.selfCheck === undefined
              ? null
              : entry.selfCheck === null
                ? '未开始'
                : SELF_CHECK_LABELS[entry.selfCheck],
            entry.url,
          ],
        ]
      }),
  )
  return { columns, rows }
}
