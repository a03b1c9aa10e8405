import type {
  CommonProblemMeasure,
  RectificationOrigin,
  RectificationStatus,
} from '@yardstick/contract'

/**
 * The words of the report PDF (通报) in Chinese, the document offices file and send on; English
 * in `REPORT_PDF_TEXTS_EN`, the same shape. The printable page in the designer carries the same
 * report in the reader's language.
 */
export const REPORT_PDF_TEXTS = {
  title: '测评结果通报',
  titleOf: (campaign: string) => `${campaign}测评结果通报`,
  fileName: (campaign: string) => `${campaign}-通报.pdf`,
  colon: '：',
  listSeparator: '、',
  noteSeparator: '，',
  periodOf: (from: string, to: string) => `${from} 至 ${to}`,
  office: '主办单位',
  period: '测评时间',
  scope: '通报范围',
  wholeCampaign: '全部参评单位',
  generatedAt: '生成时间',
  sections: {
    grades: '一、等次分布',
    ranking: '二、综合排名',
    dimensions: '三、维度短板',
    problems: '四、共性问题',
    participation: '五、参与情况',
    rectifications: '六、整改情况',
  },
  totals: (units: number, graded: number, incomplete: number) =>
    `参评单位 ${units} 个，已评定 ${graded} 个，未评定 ${incomplete} 个。`,
  grade: '等次',
  count: '单位数',
  share: '占比',
  rank: '名次',
  unit: '支部',
  composite: '综合得分',
  stars: '星级',
  note: '备注',
  vetoed: '一票否决',
  demoted: '按比例降档',
  rankingPartial: (units: number, top: number, lowest: string) =>
    `共 ${units} 个单位，列出前 ${top} 名及“${lowest}”等次全部单位。`,
  noUnits: '暂无单位。',
  dimension: '维度',
  median: '中位数',
  min: '最低',
  max: '最高',
  weakest: '短板维度',
  noDimensions: '所用表单未设维度。',
  question: '题目',
  measure: '情形',
  units: '单位数',
  noProblems: '暂无共性问题。',
  withheld: (n: number) => `答卷少于 ${n} 份，不予显示。`,
  source: '测评来源',
  complete: '已完成',
  partial: '部分完成',
  none: '未开始',
  answered: '答卷 / 应答',
  participationHidden: '参与情况仅对组织部门显示。',
  rectTotal: (total: number, overdue: number) => `整改事项共 ${total} 项，其中逾期 ${overdue} 项。`,
  status: '状态',
  origin: '来源',
  measures: {
    problem: '答“否”',
    lostPoints: '失分',
    deducted: '扣分',
  } satisfies Record<CommonProblemMeasure, string>,
  statuses: {
    open: '未整改',
    inProgress: '整改中',
    fixed: '已整改',
    accepted: '已销号',
    returned: '已退回',
  } satisfies Record<RectificationStatus, string>,
  origins: {
    selfCheck: '自检问题',
    deduction: '考评扣分',
    transformation: '转化工程',
  } satisfies Record<RectificationOrigin, string>,
} as const

/** The words of the report PDF, each a string or a function of the figures it says. */
export type ReportPdfTexts = {
  [K in keyof typeof REPORT_PDF_TEXTS]: (typeof REPORT_PDF_TEXTS)[K] extends (
    ...args: infer A
  ) => string
    ? (...args: A) => string
    : (typeof REPORT_PDF_TEXTS)[K] extends string
      ? string
      : { [L in keyof (typeof REPORT_PDF_TEXTS)[K]]: string }
}

/** The report PDF's words in English (`?lang=en`): the same report for readers of English. */
export const REPORT_PDF_TEXTS_EN: ReportPdfTexts = {
  title: 'Results report',
  titleOf: (campaign: string) => `${campaign}: results report`,
  fileName: (campaign: string) => `${campaign}-report.pdf`,
  colon: ': ',
  listSeparator: ', ',
  noteSeparator: ', ',
  periodOf: (from: string, to: string) => `${from} to ${to}`,
  office: 'Office',
  period: 'Period',
  scope: 'Scope',
  wholeCampaign: 'All units assessed',
  generatedAt: 'Generated',
  sections: {
    grades: '1. Grades',
    ranking: '2. Ranking',
    dimensions: '3. Weakest dimensions',
    problems: '4. Common problems',
    participation: '5. Participation',
    rectifications: '6. Rectifications',
  },
  totals: (units: number, graded: number, incomplete: number) =>
    `${units} units assessed: ${graded} graded, ${incomplete} not graded.`,
  grade: 'Grade',
  count: 'Units',
  share: 'Share',
  rank: 'Rank',
  unit: 'Branch',
  composite: 'Composite',
  stars: 'Stars',
  note: 'Note',
  vetoed: 'Vetoed',
  demoted: 'Moved down by the quota',
  rankingPartial: (units: number, top: number, lowest: string) =>
    `${units} units: the first ${top} and every unit graded “${lowest}” are listed.`,
  noUnits: 'No units yet.',
  dimension: 'Dimension',
  median: 'Median',
  min: 'Lowest',
  max: 'Highest',
  weakest: 'Weakest',
  noDimensions: 'The forms used declare no dimensions.',
  question: 'Question',
  measure: 'How',
  units: 'Units',
  noProblems: 'No common problems.',
  withheld: (n: number) => `Fewer than ${n} responses: not shown.`,
  source: 'Source',
  complete: 'Complete',
  partial: 'Partial',
  none: 'Not started',
  answered: 'Answered / expected',
  participationHidden: 'Participation is shown to the offices only.',
  rectTotal: (total: number, overdue: number) =>
    `${total} rectifications, ${overdue} of them overdue.`,
  status: 'Status',
  origin: 'Origin',
  measures: {
    problem: 'Answered “No”',
    lostPoints: 'Lost points',
    deducted: 'Deducted',
  },
  statuses: {
    open: 'Open',
    inProgress: 'In progress',
    fixed: 'Fixed',
    accepted: 'Accepted',
    returned: 'Returned',
  },
  origins: {
    selfCheck: 'Self-check problem',
    deduction: 'Assessor’s deduction',
    transformation: 'Transformation plan',
  },
}
