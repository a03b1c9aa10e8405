import { BENCH_TASKS, type BenchTask, route } from './results-tasks'

const byId = (id: string) => {
  const task = BENCH_TASKS.find((t) => t.id === id)
  if (!task) throw new Error(`no results task ${id}`)
  return task
}

/**
 * What the report benchmark measures, the totals beside it as the yardstick: the plain
 * `GROUP BY` and `GET /results` of the results benchmark, then the report's figures
 * (`GET /report`: grades, ranking, dimensions, 共性问题 of every source, participation,
 * rectifications) and its PDF (`GET /report.pdf`, the CJK font embedded).
 */
export const REPORT_TASKS: BenchTask[] = [
  { ...byId('baseline'), id: 'report-baseline' },
  { ...byId('results'), id: 'report-totals' },
  {
    id: 'report',
    what: '**`GET /report`** (the 通报’s figures for all 6,280 units)',
    note: 'grading, dimensions, 共性问题 per source, participation, rectifications',
    prepare: route(() => '/report'),
  },
  {
    id: 'report-pdf',
    what: '**`GET /report.pdf`** (the same, as an A4 PDF)',
    note: 'the figures + pdfkit with the CJK font subset',
    prepare: route(() => '/report.pdf'),
  },
]
