import type { Locale } from './text'

type Params = Record<string, string | number>
type Template = (p: Params) => string

/** Codes of `validateForm` errors beyond SurveyJS's own lint rules. */
export const FORM_ERROR_CODES = {
  notAnObject: 'notAnObject',
  schema: 'schema',
  lint: 'lint',
  unknownDimension: 'unknownDimension',
  missingDimension: 'missingDimension',
  nonNumericScore: 'nonNumericScore',
  invalidMaxScore: 'invalidMaxScore',
  invalidBonusCap: 'invalidBonusCap',
  invalidDrawCount: 'invalidDrawCount',
  drawCountTooLarge: 'drawCountTooLarge',
  duplicateName: 'duplicateName',
  duplicateDimension: 'duplicateDimension',
  nonPositiveWeight: 'nonPositiveWeight',
  quizWithoutCorrectAnswer: 'quizWithoutCorrectAnswer',
  correctAnswerNotAChoice: 'correctAnswerNotAChoice',
  unknownProblemOf: 'unknownProblemOf',
  formTooDeep: 'formTooDeep',
  formTooLarge: 'formTooLarge',
  logicUnknownQuestion: 'logicUnknownQuestion',
  logicUnknownChoice: 'logicUnknownChoice',
  logicCycle: 'logicCycle',
} as const
export type FormErrorCode = (typeof FORM_ERROR_CODES)[keyof typeof FORM_ERROR_CODES]

/** Codes of `validateResponse` errors. */
export const RESPONSE_ERROR_CODES = {
  notAnObject: 'notAnObject',
  unknownQuestion: 'unknownQuestion',
  notAChoice: 'notAChoice',
  wrongType: 'wrongType',
  outOfRange: 'outOfRange',
  required: 'required',
  notDrawn: 'notDrawn',
  reasonRequired: 'reasonRequired',
  invalidAnswer: 'invalidAnswer',
  otherCommentRequired: 'otherCommentRequired',
  duplicateValue: 'duplicateValue',
  rowsNotUnique: 'rowsNotUnique',
  tooFewChoices: 'tooFewChoices',
} as const
export type ResponseErrorCode = (typeof RESPONSE_ERROR_CODES)[keyof typeof RESPONSE_ERROR_CODES]

const FORM_MESSAGES: Record<FormErrorCode, Record<Locale, Template>> = {
  notAnObject: {
    'zh-CN': () => '表单必须是 SurveyJS JSON 对象',
    en: () => 'A form must be a SurveyJS JSON object',
  },
  schema: {
    'zh-CN': (p) => `SurveyJS 无法读取此处：${p.detail}`,
    en: (p) => `SurveyJS cannot read this: ${p.detail}`,
  },
  lint: { 'zh-CN': (p) => `${p.detail}`, en: (p) => `${p.detail}` },
  unknownDimension: {
    'zh-CN': (p) => `题目“${p.name}”引用了未定义的维度“${p.dimension}”`,
    en: (p) =>
      `Question "${p.name}" counts toward dimension "${p.dimension}", which the form does not declare`,
  },
  missingDimension: {
    'zh-CN': (p) => `表单按维度加权计分，但计分题“${p.name}”未指定维度`,
    en: (p) => `The form weights dimensions, but scored question "${p.name}" has no dimension`,
  },
  nonNumericScore: {
    'zh-CN': (p) => `选项分值必须是数字，此处为 ${p.value}`,
    en: (p) => `A choice score must be a number, not ${p.value}`,
  },
  invalidMaxScore: {
    'zh-CN': (p) => `题目“${p.name}”的满分必须是正数，此处为 ${p.value}`,
    en: (p) => `maxScore of "${p.name}" must be a positive number, not ${p.value}`,
  },
  invalidBonusCap: {
    'zh-CN': (p) => `加分上限必须是非负数，此处为 ${p.value}`,
    en: (p) => `bonusCap must be a number of at least 0, not ${p.value}`,
  },
  invalidDrawCount: {
    'zh-CN': (p) => `抽题数必须是正整数，此处为 ${p.value}`,
    en: (p) => `drawCount must be a positive whole number, not ${p.value}`,
  },
  drawCountTooLarge: {
    'zh-CN': (p) => `抽题数 ${p.drawCount} 超过题库题量 ${p.size}`,
    en: (p) => `drawCount ${p.drawCount} is larger than its bank of ${p.size}`,
  },
  duplicateName: {
    'zh-CN': (p) => `名称“${p.name}”重复（已在 ${p.first} 使用）`,
    en: (p) => `The name "${p.name}" is used twice (first at ${p.first})`,
  },
  duplicateDimension: {
    'zh-CN': (p) => `维度“${p.name}”重复`,
    en: (p) => `Dimension "${p.name}" is declared twice`,
  },
  nonPositiveWeight: {
    'zh-CN': (p) => `维度“${p.name}”的权重必须是正数，此处为 ${p.value}`,
    en: (p) => `The weight of dimension "${p.name}" must be positive, not ${p.value}`,
  },
  quizWithoutCorrectAnswer: {
    'zh-CN': (p) => `答卷题目“${p.name}”缺少正确答案（correctAnswer）`,
    en: (p) => `Quiz question "${p.name}" has no correctAnswer`,
  },
  correctAnswerNotAChoice: {
    'zh-CN': (p) => `题目“${p.name}”的正确答案 ${p.value} 不是其选项`,
    en: (p) => `The correctAnswer ${p.value} of "${p.name}" is not one of its choices`,
  },
  unknownProblemOf: {
    'zh-CN': (p) => `问题登记题“${p.name}”指向不存在的题目“${p.target}”`,
    en: (p) => `Problem entry "${p.name}" belongs to "${p.target}", which does not exist`,
  },
  // The caps of `FORM_LIMITS` (form-limits.ts): `measure` says which nesting went too deep.
  formTooDeep: {
    'zh-CN': (p) =>
      p.measure === 'json'
        ? `表单 JSON 嵌套超过 ${p.limit} 层（${p.path}）`
        : `面板嵌套过深：最多 ${p.limit} 层（${p.path}）`,
    en: (p) =>
      p.measure === 'json'
        ? `The form's JSON is nested more than ${p.limit} levels deep (${p.path})`
        : `Panels are nested too deep: at most ${p.limit} levels (${p.path})`,
  },
  formTooLarge: {
    'zh-CN': (p) => `表单过大：页面、面板和题目合计最多 ${p.limit} 个（${p.path}）`,
    en: (p) => `The form is too large: at most ${p.limit} pages, panels and questions (${p.path})`,
  },
  // Broken logic (`checkLogic`, logic/check-logic.ts): `element` holds the rule ('' = the form),
  // `property` is where (visibleIf…), `question` what it refers to.
  logicUnknownQuestion: {
    'zh-CN': (p) => `${ruleZh(p)}引用的题目“${p.question}”不存在（已删除或改名）`,
    en: (p) =>
      `${ruleEn(p)} refers to "${p.question}", which no longer exists (deleted or renamed)`,
  },
  logicUnknownChoice: {
    'zh-CN': (p) => `${ruleZh(p)}中的“${p.value}”已不是题目“${p.question}”的选项`,
    en: (p) =>
      `${ruleEn(p)} compares "${p.question}" with "${p.value}", no longer one of its choices`,
  },
  logicCycle: {
    'zh-CN': (p) => `${ruleZh(p)}与其他条件循环依赖：${p.cycle}`,
    en: (p) => `${ruleEn(p)} is part of a cycle of conditions: ${p.cycle}`,
  },
}

/** What each logic property is called in zh-CN (docs/DESIGN.md terms), for the messages above. */
const LOGIC_PROPERTY_ZH: Record<string, string> = {
  visibleIf: '显示条件',
  enableIf: '可用条件',
  requiredIf: '必答条件',
  choicesVisibleIf: '选项显示条件',
  choicesEnableIf: '选项可用条件',
  resetValueIf: '清空条件',
  setValueIf: '赋值条件',
  triggers: '跳题与结束规则',
  completedHtmlOnCondition: '结束页条件',
  navigateToUrlOnCondition: '跳转条件',
}

/** "“q3”的显示条件", or "表单的第 2 条跳题与结束规则" for a survey-level rule (`item` its number). */
function ruleZh(p: Params): string {
  const owner = p.element ? `“${p.element}”` : '表单'
  const item = !p.element && p.item !== undefined ? `第 ${p.item} 条` : ''
  return `${owner}的${item}${LOGIC_PROPERTY_ZH[p.property as string] ?? p.property}`
}

/** What each logic property is called in English, for the messages above. */
const LOGIC_PROPERTY_EN: Record<string, string> = {
  visibleIf: 'visibility condition',
  enableIf: 'enabling condition',
  requiredIf: 'required-if condition',
  choicesVisibleIf: 'choice visibility condition',
  choicesEnableIf: 'choice enabling condition',
  resetValueIf: 'reset condition',
  setValueIf: 'set-value condition',
  triggers: 'skip and end rules',
  completedHtmlOnCondition: 'completion page conditions',
  navigateToUrlOnCondition: 'redirect conditions',
}

/**
 * 'The visibility condition of "q3"', or "Rule 2 of the form's skip and end rules" for a
 * survey-level rule (`item` its number).
 */
function ruleEn(p: Params): string {
  const property = LOGIC_PROPERTY_EN[p.property as string] ?? p.property
  if (p.element) return `The ${property} of "${p.element}"`
  return p.item === undefined
    ? `The form's ${property}`
    : `Rule ${p.item} of the form's ${property}`
}

const RESPONSE_MESSAGES: Record<ResponseErrorCode, Record<Locale, Template>> = {
  notAnObject: {
    'zh-CN': () => '答卷必须是“题目名 → 答案”的对象',
    en: () => 'Answers must be an object of question name → answer',
  },
  unknownQuestion: {
    'zh-CN': (p) => `表单中没有题目“${p.name}”`,
    en: (p) => `The form has no question "${p.name}"`,
  },
  notAChoice: {
    'zh-CN': (p) => `“${p.value}”不是题目“${p.name}”的选项`,
    en: (p) => `"${p.value}" is not one of the choices of "${p.name}"`,
  },
  wrongType: {
    'zh-CN': (p) => `题目“${p.name}”需要${p.expectedZh}`,
    en: (p) => `"${p.name}" needs ${p.expected}`,
  },
  outOfRange: {
    'zh-CN': (p) => `题目“${p.name}”的分值 ${p.value} 超出范围 [${p.min}, ${p.max}]`,
    en: (p) => `${p.value} is outside [${p.min}, ${p.max}] for "${p.name}"`,
  },
  // With `item`: a required entry inside the question (a multiple-text item, a matrix cell…).
  required: {
    'zh-CN': (p) =>
      p.item === undefined ? `必答题“${p.name}”未作答` : `必答题“${p.name}”的“${p.item}”未填写`,
    en: (p) =>
      p.item === undefined ? `"${p.name}" is required` : `"${p.item}" of "${p.name}" is required`,
  },
  notDrawn: {
    'zh-CN': (p) => `题目“${p.name}”不在本答题人抽到的题目中`,
    en: (p) => `"${p.name}" was not drawn for this respondent`,
  },
  // Shown under the question itself, so it names no question.
  reasonRequired: {
    'zh-CN': () => '此项扣分或一票否决，须填写理由',
    en: () => 'This item deducts points or vetoes the grade: give the reason',
  },
  // A validator of the form refused the answer (`rule`: numeric, text, regex, email, expression,
  // answercount), at `item` for a multiple-text item.
  invalidAnswer: {
    'zh-CN': (p) =>
      `题目“${p.name}”${p.item === undefined ? '' : `的“${p.item}”`}未通过${VALIDATOR_ZH[p.rule as string] ?? '校验'}`,
    en: (p) =>
      `${p.item === undefined ? '' : `"${p.item}" of `}"${p.name}" fails its ${p.rule} validator`,
  },
  otherCommentRequired: {
    'zh-CN': (p) => `题目“${p.name}”选择了“其他”，请填写具体内容`,
    en: (p) => `"${p.name}": "other" is chosen, so its text is required`,
  },
  duplicateValue: {
    'zh-CN': (p) => `题目“${p.name}”的选项“${p.value}”重复选择`,
    en: (p) => `"${p.value}" is chosen more than once in "${p.name}"`,
  },
  rowsNotUnique: {
    'zh-CN': (p) => `题目“${p.name}”每行须选择不同的列，“${p.value}”重复`,
    en: (p) => `Each row of "${p.name}" must take a different column; "${p.value}" is repeated`,
  },
  tooFewChoices: {
    'zh-CN': (p) => `题目“${p.name}”至少选择 ${p.min} 项`,
    en: (p) => `Choose at least ${p.min} in "${p.name}"`,
  },
}

/** What each SurveyJS validator checks, in zh-CN. */
const VALIDATOR_ZH: Record<string, string> = {
  numeric: '数值范围校验',
  text: '文本长度校验',
  regex: '格式校验',
  email: '电子邮箱格式校验',
  expression: '条件校验',
  answercount: '选择数量校验',
  step: '步长校验',
}

/** The text of a `validateForm` error in a locale. */
export function formMessage(code: FormErrorCode, locale: Locale, params: Params = {}): string {
  return FORM_MESSAGES[code][locale](params)
}

/** The text of a `validateResponse` error in a locale. */
export function responseMessage(
  code: ResponseErrorCode,
  locale: Locale,
  params: Params = {},
): string {
  return RESPONSE_MESSAGES[code][locale](params)
}
