import type { dimensionsZhCN } from './dimensions-zh-CN'

/** The strings of dimension results and common problems in English (same keys as `dimensionsZhCN`). */
export const dimensionsEn: Record<keyof typeof dimensionsZhCN, string> = {
  'dimensions.title': 'Dimension scores',
  'dimensions.source': 'Source',
  'dimensions.rule':
    'A unit’s percent on a dimension = the sum of its responses’ scores on that dimension ÷ the sum of their maxima × 100.',
  'dimensions.loading': 'Counting…',
  'dimensions.none':
    'The forms of this campaign declare no dimensions (such as the four strengths or the five basics).',
  'dimensions.stats': 'median {median} · min {min} · max {max} · mean {mean} · {n} units',
  'dimensions.unitsChart': '{title}: percent of each unit',
  'dimensions.bandsChart': '{title}: units per percent band',
  'dimensions.exportCsv': 'Export dimension scores (CSV)',
  'dimensions.exportXlsx': 'Export dimension scores (Excel)',
  'dimensions.unitTitle':
    'Dimension scores (against the median of the units under the same parent)',
  'dimensions.unitChart': '{source}: this branch and the median',
  'dimensions.median': 'median',
  'dimensions.col.dimension': 'Dimension',
  'dimensions.col.unit': 'This branch',
  'dimensions.col.median': 'Median',
  'dimensions.col.range': 'Min–max',
  'commonProblems.title': 'Common problems',
  'commonProblems.source': 'Source',
  'commonProblems.loading': 'Counting…',
  'commonProblems.none': 'No unit answered “no” or lost points on these questions.',
  'commonProblems.base': 'By the number of units with the problem; {n} units have responses.',
  'commonProblems.units': '{n} units ({share})',
  'commonProblems.measure.problem': 'answered “no”',
  'commonProblems.measure.lostPoints': 'lost points',
  'commonProblems.measure.deducted': 'points deducted',
  'commonProblems.withheld':
    'An anonymous source with fewer than {n} responses: per-question results are not shown.',
  'commonProblems.exportCsv': 'Export common problems (CSV)',
  'commonProblems.exportXlsx': 'Export common problems (Excel)',
}
