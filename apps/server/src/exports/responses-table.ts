import type { FormJson } from '@yardstick/sdk'
import type { CampaignUnit } from '../results/units'
import { answerColumns } from './answer-columns'
import type { CellValue } from './cells'
import { unitTypeLabel } from './labels'
import type { ExportedResponse } from './responses-reader'
import type { XlsxColumn } from './xlsx-stream'

const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'medium',
})

/**
 * The raw-responses table of one source: 编号, 支部, 类型, 提交时间（北京时间）, 答卷人 (left
 * out for anonymous sources), 得分率, 一票否决, then one column per question (flattened, see
 * `answerColumns`). `toRow` turns one stored response into its cells.
 *
 * @example
 * const { columns, toRow } = responsesTable(form, units, { anonymous: true })
 */
export function responsesTable(
  form: FormJson,
  units: readonly CampaignUnit[],
  { anonymous }: { anonymous: boolean },
) {
  const answers = answerColumns(form)
  const unitsById = new Map(units.map((unit) => [unit.id, unit]))
  const columns: XlsxColumn[] = [
    { header: '编号', width: 10 },
    { header: '支部', width: 28 },
    { header: '类型', width: 12 },
    { header: '提交时间（北京时间）', width: 20 },
    ...(anonymous ? [] : [{ header: '答卷人', width: 12 }]),
    { header: '得分率', width: 8 },
    { header: '一票否决', width: 8 },
    ...answers.map(({ header, width }) => ({ header, width })),
  ]
  const toRow = (response: ExportedResponse): CellValue[] => {
    const unit = unitsById.get(response.unitId)
    return [
      response.id,
      unit?.name ?? String(response.unitId),
      unitTypeLabel(unit?.unitType ?? null),
      BEIJING_TIME.format(new Date(response.createdAt)),
      ...(anonymous ? [] : [response.respondent]),
      Math.round(response.percent * 100) / 100,
      response.veto ? '是' : '否',
      ...answers.map((column) => column.cell(response.answers ?? {})),
    ]
  }
  return { columns, toRow }
}
