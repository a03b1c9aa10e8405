import { REPORT_TASKS } from './report-tasks'
import { runOnResultsData } from './results'

/**
 * The report (通报) benchmark on the results benchmark's data (6,280 branches, 200,960
 * responses, PostgreSQL and PGlite): `GET /report` and `GET /report.pdf` beside the totals
 * query and a plain `GROUP BY` in the same run. `pnpm --filter @yardstick/server bench report`.
 *
 * @example
 * await runReportBench()
 */
export function runReportBench(): Promise<void> {
  return runOnResultsData(REPORT_TASKS)
}
