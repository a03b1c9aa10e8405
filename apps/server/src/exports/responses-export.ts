import type { Db } from '@yardstick/db'
import { sourceLabelOf } from '@yardstick/sdk'
import { sourceVersionIds } from '../campaigns/unit-form'
import { AppError } from '../http/errors'
import { unitScope } from '../results/access'
import type { ResultsContext } from '../results/context'
import { loadFormVersionJson } from '../results/question-report'
import { inFilter, type ResultsFilter } from '../results/view'
import { download, type ExportFormat, mapBatches } from './download'
import { readResponses } from './responses-reader'
import { responsesTable } from './responses-table'

/**
 * The raw responses of one source of a campaign, one row per response, streamed in id order.
 * Only admin, editor and assessor roles export raw answers (a secretary gets 403: members'
 * answers about their own branch stay aggregated), for the units they reach and the filter.
 * Anonymous sources have no respondent column; a source with an instrument per branch type has
 * the answer columns of each (`responsesTable`).
 *
 * @example
 * return exportResponses(db, context, 'members', {}, 'csv')
 */
export async function exportResponses(
  db: Db,
  { campaign, units, access }: ResultsContext,
  sourceKey: string,
  filter: ResultsFilter,
  format: ExportFormat,
): Promise<Response> {
  if (!units.some(access.exportsRaw)) {
    throw new AppError(
      'forbidden',
      'Raw responses are exported only for admin, editor and assessor roles, for the units they reach',
      { roles: ['admin', 'editor', 'assessor'] },
    )
  }
  const source = campaign.sources.find((s) => s.key === sourceKey)
  if (!source) throw new AppError('notFound', `Campaign ${campaign.id} has no source ${sourceKey}`)
  const instruments = await Promise.all(
    sourceVersionIds(source).map(async (formVersion) => ({
      formVersion,
      title: campaign.instruments.get(formVersion)?.title ?? String(formVersion),
      form: await loadFormVersionJson(db, formVersion),
    })),
  )
  const { columns, toRow } = responsesTable(instruments, units, source)
  const scope = unitScope(units, (unit) => access.exportsRaw(unit) && inFilter(unit, filter))
  const query = { campaignId: campaign.id, sourceKey, scope, anonymous: source.anonymous }
  const label = sourceLabelOf(source)
  return download({
    format,
    sheetName: `${label}答卷`,
    columns,
    batches: mapBatches(readResponses(db, query), toRow),
    fileName: `${campaign.name}-${label}答卷`,
    asciiName: `campaign-${campaign.id}-${source.key}-responses`,
  })
}
