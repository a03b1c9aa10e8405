import type { Locale } from '../text'

type Params = Record<string, string | number>
type Template = (p: Params) => string

/** Why `parseFormText` did not read a line as written (each problem names its line). */
export const TEXT_PROBLEM_CODES = {
  notAQuestion: 'notAQuestion',
  unknownType: 'unknownType',
  skipped: 'skipped',
  emptyTitle: 'emptyTitle',
  noOptions: 'noOptions',
  duplicateOption: 'duplicateOption',
  emptyOption: 'emptyOption',
  unexpectedLine: 'unexpectedLine',
  badScale: 'badScale',
  badMatrix: 'badMatrix',
  noBlanks: 'noBlanks',
  yesNoOptions: 'yesNoOptions',
  followUpNotYesNo: 'followUpNotYesNo',
  badAnswer: 'badAnswer',
  missingAnswer: 'missingAnswer',
  weightsDropped: 'weightsDropped',
} as const
export type TextProblemCode = (typeof TEXT_PROBLEM_CODES)[keyof typeof TEXT_PROBLEM_CODES]

/** What of a form `formToText` cannot write (each names the JSON path it leaves behind). */
export const NOT_CARRIED_CODES = {
  name: 'name',
  translation: 'translation',
  unsupportedType: 'unsupportedType',
  panel: 'panel',
  property: 'property',
  choiceValue: 'choiceValue',
  html: 'html',
  problemEntry: 'problemEntry',
  dimension: 'dimension',
  kind: 'kind',
  multiline: 'multiline',
} as const
export type NotCarriedCode = (typeof NOT_CARRIED_CODES)[keyof typeof NOT_CARRIED_CODES]

const PROBLEM_MESSAGES: Record<TextProblemCode, Record<Locale, Template>> = {
  notAQuestion: {
    'zh-CN': () => '不是题目：题目须以“1.”这样的题号开头，或带有[题型]标记',
    en: () => 'Not a question: a question starts with a number such as "1." or has a [type] tag',
  },
  unknownType: {
    'zh-CN': (p) => `无法识别的题型“${p.detail}”，整题未导入`,
    en: (p) => `Unknown question type "${p.detail}": the question was not imported`,
  },
  skipped: {
    'zh-CN': () => '所在题目未能导入，此行未读取',
    en: () => 'Its question could not be imported, so this line was not read',
  },
  emptyTitle: {
    'zh-CN': () => '题干为空，整题未导入',
    en: () => 'The question has no text: it was not imported',
  },
  noOptions: {
    'zh-CN': () => '选择题没有选项，整题未导入',
    en: () => 'A choice question without options: it was not imported',
  },
  duplicateOption: {
    'zh-CN': (p) => `选项“${p.detail}”重复，已略去`,
    en: (p) => `The option "${p.detail}" is repeated: left out`,
  },
  emptyOption: {
    'zh-CN': () => '选项为空，已略去',
    en: () => 'An empty option: left out',
  },
  unexpectedLine: {
    'zh-CN': (p) => `${p.detail}不带选项，此行未读取`,
    en: (p) => `A ${p.detail} question takes no options: this line was not read`,
  },
  badScale: {
    'zh-CN': () => '量表题须有一行范围，例如“1~5”（起点小于终点），整题未导入',
    en: () => 'A scale needs a range line such as "1~5" (low to high): it was not imported',
  },
  badMatrix: {
    'zh-CN': () => '矩阵题须有“行：”下的“- 行”和至少一个列选项，整题未导入',
    en: () =>
      'A matrix needs rows ("- row" lines under "行：") and at least one column: it was not imported',
  },
  noBlanks: {
    'zh-CN': () => '多项填空题须有“{_}”填空处，整题未导入',
    en: () => 'A multi-fill question needs "{_}" blanks: it was not imported',
  },
  yesNoOptions: {
    'zh-CN': () => '是否题须恰好两个选项（先“是”后“否”），整题未导入',
    en: () => 'A yes/no item takes exactly two options (yes, then no): it was not imported',
  },
  followUpNotYesNo: {
    'zh-CN': () => '[问题清单]只用于是否题，此标记未读取',
    en: () => '[问题清单] follows a yes/no item only: the tag was not read',
  },
  badAnswer: {
    'zh-CN': (p) => `答案“${p.detail}”不是本题的选项，答案未导入`,
    en: (p) => `The answer "${p.detail}" is not one of the options: the answer was not imported`,
  },
  missingAnswer: {
    'zh-CN': () => '试题卷中此选择题没有[答案：…]，全卷按普通问卷导入',
    en: () =>
      'In an exam, this choice question has no [答案：…]: the form was imported as a plain survey',
  },
  weightsDropped: {
    'zh-CN': (p) => `计分题“${p.detail}”不在任何维度下，维度权重未导入`,
    en: (p) =>
      `The scored question "${p.detail}" is under no dimension heading: the weights were not imported`,
  },
}

const NOT_CARRIED_MESSAGES: Record<NotCarriedCode, Record<Locale, Template>> = {
  name: {
    'zh-CN': (p) => `名称“${p.detail}”无法写入文本，读回后按顺序命名`,
    en: (p) => `The name "${p.detail}" is not written; read back, questions are named in order`,
  },
  translation: {
    'zh-CN': () => '文本只写中文，其他语言的译文未写入',
    en: () => 'The text carries the Chinese text only; translations are left out',
  },
  unsupportedType: {
    'zh-CN': (p) => `题型“${p.detail}”无法写成文本，已略去`,
    en: (p) => `Question type "${p.detail}" has no text form: left out`,
  },
  panel: {
    'zh-CN': () => '面板无法写成文本，其中的题目直接列出',
    en: () => 'Panels have no text form: their questions are listed in place',
  },
  property: {
    'zh-CN': (p) => `属性“${p.detail}”无法写成文本`,
    en: (p) => `The property "${p.detail}" has no text form`,
  },
  choiceValue: {
    'zh-CN': () => '选项的值与显示文字不同，文本只写显示文字',
    en: () => "The option's value differs from its text; the text carries its text only",
  },
  html: {
    'zh-CN': () => '段落说明中的 HTML 标记无法写入，只写文字',
    en: () => "The paragraph's HTML markup is not written, only its text",
  },
  problemEntry: {
    'zh-CN': () => '问题清单与标准问题清单不同，无法写成[问题清单]',
    en: () => 'The problem entry differs from the standard 问题清单 and cannot be written as a tag',
  },
  dimension: {
    'zh-CN': () => '维度标题写在题目之前，之后的题目都计入该维度；此处的维度归属无法写出',
    en: () =>
      'A dimension heading applies to every question after it; this assignment cannot be written',
  },
  kind: {
    'zh-CN': (p) => `表单类型“${p.detail}”无法写入文本`,
    en: (p) => `The form kind "${p.detail}" is not written`,
  },
  multiline: {
    'zh-CN': () => '文本中的换行或括号会改变读回的结构，无法原样写入',
    en: () => 'A line break or bracket in this text would change how it reads back',
  },
}

/**
 * The text of a `parseFormText` problem in a locale.
 *
 * @example
 * textProblemMessage('noOptions', 'en') // 'A choice question without options: …'
 */
export function textProblemMessage(
  code: TextProblemCode,
  locale: Locale,
  params: Params = {},
): string {
  return PROBLEM_MESSAGES[code][locale](params)
}

/**
 * The text of a `formToText` not-carried entry in a locale.
 *
 * @example
 * notCarriedMessage('panel', 'zh-CN') // '面板无法写成文本，…'
 */
export function notCarriedMessage(
  code: NotCarriedCode,
  locale: Locale,
  params: Params = {},
): string {
  return NOT_CARRIED_MESSAGES[code][locale](params)
}
