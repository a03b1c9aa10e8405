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

/** One instrument of a source as the export reads it: its version id, form title and JSON. */
export interface ExportedInstrument {
  formVersion: number
  title: string
  form: FormJson
}

/**
 * The raw-responses table of one source: 编号, 支部, 类型, 提交时间（北京时间）, 答卷人 (left
 * out for anonymous sources), 得分率, 一票否决, then one column per question (flattened, see
 * `answerColumns`). A source with several instruments (分类制定) adds 测评表 after 一票否决 and
 * has the answer columns of each instrument in turn, headed `【form title】question`; a
 * response fills those of the form version it answered. `toRow` turns one stored response into
 * its cells.
 *
 * @param instruments the source's instruments, the default first
 * @example
 * const { columns, toRow } = responsesTable([{ formVersion: 3, title: '满意度', form }], units, { anonymous: true })
 */
export function responsesTable(
  instruments: readonly ExportedInstrument[],
  units: readonly CampaignUnit[],
  { anonymous }: { anonymous: boolean },
) {
  const several = instruments.length > 1
  const perForm = instruments.map((instrument) => ({
    ...instrument,
    columns: answerColumns(instrument.form).map((column) =>
      several ? { ...column, header: `【${instrument.title}】${column.header}` } : column,
    ),
  }))
  const answers = perForm.flatMap((instrument) => instrument.columns)
  const unitsById = new Map(units.map((unit) => [unit.id, unit]))
  const columns: XlsxColumn[] = [
    { header: '编号', width: 10 },
    { header: '支部', width: 28 },
    { header: '类型', width: 12 },
    { header: '提交时间（北京时间）', width: 20 },
    ...(anonymous ? [] : [{ header: '答卷人', width: 12 }]),
    { header: '得分率', width: 8 },
    { header: '一票否决', width: 8 },
    ...(several ? [{ header: '测评表', width: 24 }] : []),
    ...answers.map(({ header, width }) => ({ header, width })),
  ]
  const titleOf = (formVersion: number) =>
    instruments.find((instrument) => instrument.formVersion === formVersion)?.title ?? null
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
      ...(several ? [titleOf(response.formVersionId)] : []),
      ...perForm.flatMap((instrument) =>
        instrument.columns.map((column) =>
          instrument.formVersion === response.formVersionId
            ? column.cell(response.answers ?? {})
            : null,
        ),
      ),
    ]
  }
  return { columns, toRow }
}
