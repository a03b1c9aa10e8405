// The vocabulary of the office text formats (问卷星 and 腾讯问卷's text import, plus our own
// extensions): the one home of every tag the parser reads and the exporter writes.

/** The text syntaxes `parseFormText` reads and `formToText` writes. */
export const TEXT_SYNTAXES = ['wjx', 'tencent'] as const
export type TextSyntax = (typeof TEXT_SYNTAXES)[number]

/** The question kinds a text can carry, each with the SurveyJS type it becomes. */
export const TEXT_QUESTION_KINDS = {
  single: 'radiogroup',
  multiple: 'checkbox',
  dropdown: 'dropdown',
  trueFalse: 'boolean',
  ranking: 'ranking',
  scale: 'rating',
  fill: 'text',
  essay: 'comment',
  multiFill: 'multipletext',
  matrix: 'matrix',
  paragraph: 'html',
  // Our extension: the self-check 是否 item (yes scores, no opens a problem).
  yesNo: 'radiogroup',
} as const
export type TextQuestionKind = keyof typeof TEXT_QUESTION_KINDS

/** Every tag text read as a question kind; both syntaxes' names and the usual variants. */
export const KIND_TAGS: Readonly<Record<string, TextQuestionKind>> = {
  单选题: 'single',
  单选: 'single',
  多选题: 'multiple',
  多选: 'multiple',
  下拉框: 'dropdown',
  下拉题: 'dropdown',
  下拉选择题: 'dropdown',
  判断题: 'trueFalse',
  排序题: 'ranking',
  量表题: 'scale',
  评分题: 'scale',
  打分题: 'scale',
  填空题: 'fill',
  单行文本题: 'fill',
  单行填空题: 'fill',
  简答题: 'essay',
  问答题: 'essay',
  多行文本题: 'essay',
  多项填空题: 'multiFill',
  矩阵单选题: 'matrix',
  段落说明: 'paragraph',
  是否题: 'yesNo',
}

/** The tag each syntax writes for a kind (the first name its own import documents). */
export const KIND_TAG_OUT: Record<TextSyntax, Record<TextQuestionKind, string>> = {
  wjx: {
    single: '单选题',
    multiple: '多选题',
    dropdown: '下拉框',
    trueFalse: '判断题',
    ranking: '排序题',
    scale: '量表题',
    fill: '填空题',
    essay: '简答题',
    multiFill: '多项填空题',
    matrix: '矩阵单选题',
    paragraph: '段落说明',
    yesNo: '是否题',
  },
  tencent: {
    single: '单选题',
    multiple: '多选题',
    dropdown: '下拉题',
    trueFalse: '判断题',
    ranking: '排序题',
    scale: '量表题',
    fill: '填空题',
    essay: '简答题',
    multiFill: '多项填空题',
    matrix: '矩阵单选题',
    paragraph: '段落说明',
    yesNo: '是否题',
  },
}

/** Tags that say whether an answer is required. */
export const OPTIONAL_TAGS = new Set(['选填', '非必填', '选答', '可选'])
export const REQUIRED_TAGS = new Set(['必填', '必答'])
/** Our extension: the 是否 item is followed by its 问题清单 entry. */
export const FOLLOW_UP_TAG = '问题清单'

/** `N. 题干`: the number, then `.`, `．`, `、` or `)`. */
export const QUESTION_LINE = /^\s*(\d+)\s*[.．、)）]\s*(.*)$/
/** `=== 分页 ===` (腾讯问卷), `====分页栏====` (问卷星); an optional page title after `：`. */
export const PAGE_BREAK = /^\s*[=＝]{3,}\s*分页栏?\s*(?:[:：]\s*(.*?))?\s*[=＝]{3,}\s*$/
/** `【维度】政治功能强（权重：30）` or `维度：政治功能强`: our dimension heading, holding until the next heading or page break. */
export const DIMENSION_LINE =
  /^\s*(?:[[【]\s*维度\s*[\]】]|维度\s*[:：])\s*(.*?)\s*(?:[(（]\s*权重\s*[:：]?\s*(\d+(?:\.\d+)?)\s*[)）])?\s*$/
/** `A. `, `A、`, `(A)`, `○ ` before an option. */
export const OPTION_PREFIX =
  /^\s*(?:[A-Za-zＡ-Ｚａ-ｚ]\s*[.．、)）]|[(（][A-Za-z][)）]|[○●□■☐◯])\s*/
/** `是 (1分)`: a score after an option; may be negative or a decimal. */
export const SCORE_SUFFIX = /\s*[(（]\s*(-?\d+(?:\.\d+)?)\s*分\s*[)）]\s*$/
/** `1~5`: the range of a scale. */
export const SCALE_RANGE = /^\s*(-?\d+)\s*(?:[~～\-－—]|到|至)\s*(-?\d+)\s*$/
/** `行：` opens a matrix's rows; each row is `- 行`. */
export const MATRIX_ROWS = /^\s*行\s*[:：]\s*$/
export const MATRIX_COLUMNS = /^\s*列\s*[:：]\s*$/
export const MATRIX_ROW = /^\s*[-－—·•]\s*(.*)$/
/** `{_}`: a blank of a multi-fill question. */
export const BLANK = /\{\s*_+\s*\}/g
/** `[答案：A、B]` and `[分数：5]` (腾讯问卷's exam marks). */
export const ANSWER_TAG = /^答案\s*[:：]\s*(.*)$/
export const POINTS_TAG = /^分数\s*[:：]\s*(\d+(?:\.\d+)?)\s*分?$/
/** The tencent pattern that tells the syntax apart. */
export const TENCENT_MARKS =
  /\[(?:必答|选答)\]|\[答案\s*[:：]|\[分数\s*[:：]|^\s*===\s*分页\s*===\s*$/m

/** The letter of the n-th option (A, B, …) used by answers. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index)
}
