import type { CampaignReport } from '@yardstick/contract'
import type { NamedSource } from './source-name'

/**
 * A source of the report with the campaign's own label, for `sourceName`; the bare key when the
 * report does not list it.
 *
 * @example
 * sourceName(t, namedSource(report, 'debriefing'), locale) // '述职评议'
 */
export function namedSource(report: Pick<CampaignReport, 'sources'>, key: string): NamedSource {
  return report.sources.find((source) => source.key === key) ?? key
}
