/** The strings of instruments per branch type (分类制定), in Chinese: the first language. */
export const instrumentsZhCN = {
  'instruments.mode': '{source}的测评表',
  'instruments.oneForAll': '所有支部用同一张表',
  'instruments.perType': '按支部类型分别设表',
  'instruments.perTypeHint':
    '未单独设表的类型和未分类的支部使用上面的默认表。得分按百分制折算，不同类型的支部一起评定等次和排名。',
  'instruments.typeForm': '{type}支部的表单',
  'instruments.typeVersion': '{type}支部的版本',
  'instruments.useDefault': '（使用默认表）',
  'instruments.column': '测评表',
  'instruments.usedBy': '{source}：{title}',
  'instruments.questionsOf': '测评表',
} as const
