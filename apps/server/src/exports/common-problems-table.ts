import type { CommonProblemMeasure, CommonProblems } from '@yardstick/contract'
import { roundForDisplay } from '@yardstick/sdk'
import type { CellValue } from './cells'
import type { XlsxColumn } from './xlsx-stream'

/** How each measure reads in the file. */
const MEASURE_LABELS: Record<CommonProblemMeasure, string> = {
  problem: '答“否”',
  lostPoints: '失分',
  deducted: '扣分',
}

/**
 * 共性问题 as a table with Chinese headers: 序号, 题目, 维度, 情形 (答“否” / 失分 / 扣分), 单位数,
 * 占比（%）, worst first as given.
 *
 * @example
 * const { columns, rows } = commonProblemsTable(report)
 */
export function commonProblemsTable({ questions }: CommonProblems): {
  columns: XlsxColumn[]
  rows: CellValue[][]
} {
  const columns: XlsxColumn[] = [
    { header: '序号', width: 6 },
    { header: '题目', width: 60 },
    { header: '维度', width: 14 },
    { header: '情形', width: 8 },
    { header: '单位数', width: 8 },
    { header: '占比（%）', width: 10 },
  ]
  const rows = questions.map((question, i): CellValue[] => [
    i + 1,
    question.title['zh-CN'],
    question.dimension?.title['zh-CN'] ?? null,
    MEASURE_LABELS[question.measure],
    question.units,
    roundForDisplay(question.share * 100),
  ])
  return { columns, rows }
}
