import type { Db, SourceKey } from '@yardstick/db'
import { commonProblems } from '../results/common-problems'
import type { ResultsContext } from '../results/context'
import type { ResultsFilter } from '../results/view'
import { commonProblemsTable } from './common-problems-table'
import { download, type ExportFormat, inOneBatch } from './download'
import { sourceNames } from './labels'

/**
 * The 共性问题 file of one source: the questions of `GET /results/common-problems`, worst first.
 *
 * @example
 * return exportCommonProblems(db, context, 'self', {}, 'csv')
 */
export async function exportCommonProblems(
  db: Db,
  context: ResultsContext,
  source: SourceKey,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<Response> {
  const report = await commonProblems(db, context, source, filter)
  const { columns, rows } = commonProblemsTable(report)
  const { campaign } = context
  return download({
    format,
    sheetName: '共性问题',
    columns,
    batches: inOneBatch(rows),
    fileName: `${campaign.name}-${sourceNames(campaign.sources)(source)}-共性问题`,
    asciiName: `campaign-${campaign.id}-${source}-common-problems`,
  })
}
