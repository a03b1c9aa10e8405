import type { instrumentsZhCN } from './instruments-zh-CN'

/** The strings of instruments per branch type in English (same keys as `instrumentsZhCN`). */
export const instrumentsEn: Record<keyof typeof instrumentsZhCN, string> = {
  'instruments.mode': '{source} forms',
  'instruments.oneForAll': 'One form for all branches',
  'instruments.perType': 'A form per branch type',
  'instruments.perTypeHint':
    'Types without their own form, and branches without a type, answer the default form above. Scores are percentages, so branches of different types are graded and ranked together.',
  'instruments.typeForm': 'Form for {type} branches',
  'instruments.typeVersion': 'Version for {type} branches',
  'instruments.useDefault': '(use the default form)',
  'instruments.column': 'Form',
  'instruments.usedBy': '{source}: {title}',
  'instruments.questionsOf': 'Form',
}
