import { runCampaignCreateBench } from './campaign-create'
import { runCollabBench } from './collab'
import { runNationalBench } from './national'
import { runOrgImportBench } from './org-import'
import { runReportBench } from './report'
import { runResultsBench } from './results'
import { runReviewsBench } from './reviews'
import { runSubmissionsBench } from './submissions'

/**
 * Every server benchmark, run in order by `pnpm --filter @yardstick/server bench`; those marked
 * `named` (the 1/50 national run, 15–25 minutes) only when named: `bench national`.
 */
const BENCHES: Array<{ name: string; run: () => Promise<void>; named?: boolean }> = [
  { name: 'submissions', run: runSubmissionsBench },
  { name: 'results', run: runResultsBench },
  { name: 'report', run: runReportBench },
  { name: 'collab', run: runCollabBench },
  { name: 'reviews', run: runReviewsBench },
  { name: 'org-import', run: runOrgImportBench },
  { name: 'campaign-create', run: runCampaignCreateBench },
  { name: 'national', run: runNationalBench, named: true },
]

const only = process.argv.slice(2)
for (const bench of BENCHES) {
  if (only.length > 0 ? !only.includes(bench.name) : bench.named) continue
  console.log(`\n# ${bench.name}\n`)
  await bench.run()
}
// Database pools and child processes would keep the event loop alive: a bench run ends here.
process.exit(0)
