import { runCollabBench } from './collab'
import { runOrgImportBench } from './org-import'
import { runReportBench } from './report'
import { runResultsBench } from './results'
import { runReviewsBench } from './reviews'
import { runSubmissionsBench } from './submissions'

/** Every server benchmark, run in order by `pnpm --filter @yardstick/server bench`. */
const BENCHES: Array<{ name: string; run: () => Promise<void> }> = [
  { name: 'submissions', run: runSubmissionsBench },
  { name: 'results', run: runResultsBench },
  { name: 'report', run: runReportBench },
  { name: 'collab', run: runCollabBench },
  { name: 'reviews', run: runReviewsBench },
  { name: 'org-import', run: runOrgImportBench },
]

const only = process.argv.slice(2)
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue
  console.log(`\n# ${bench.name}\n`)
  await bench.run()
}
// Database pools and child processes would keep the event loop alive: a bench run ends here.
process.exit(0)
