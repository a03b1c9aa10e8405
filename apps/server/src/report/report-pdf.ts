import { type CampaignReport, REPORT_RANKING } from '@yardstick/contract'
import { reportNumber, reportShare } from '@yardstick/contract/report-figures'
import { sourceLabelOf } from '@yardstick/sdk'
import PDFDocument from 'pdfkit'
import { gradeLabel, unitTypeLabel } from '../exports/labels'
import { AppError } from '../http/errors'
import { UNIT_TYPE_LABELS } from '../orgs/unit-types'
import { drawTable } from './pdf-table'
import type { ReportFont } from './report-font'
import { REPORT_PDF_TEXTS, REPORT_PDF_TEXTS_EN, type ReportPdfTexts } from './report-pdf-texts'

const BEIJING_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
})
// A4 is 595 × 842 points; 2 cm margins leave 482 points across.
const MARGIN = 57
const WIDTH = 595 - 2 * MARGIN

/** The languages the report PDF is made in. */
export type ReportLocale = 'zh-CN' | 'en'

/** Options of `reportPdf`. */
export interface ReportPdfOptions {
  /** Its language (default zh-CN): the words, and the names of sources, questions, dimensions. */
  locale?: ReportLocale
}

/**
 * The words of the report PDF in a language.
 *
 * @example
 * reportTexts('en').fileName('2026年度党支部综合评定') // '2026年度党支部综合评定-report.pdf'
 */
export function reportTexts(locale: ReportLocale): ReportPdfTexts {
  return locale === 'en' ? REPORT_PDF_TEXTS_EN : REPORT_PDF_TEXTS
}

/**
 * The 通报 of a campaign as an A4 PDF in Chinese or English, the CJK font embedded (subset to the
 * glyphs used): heading, then the sections in the order of the printable page. A font the PDF
 * library cannot read answers 503 `reportFontMissing`, as a missing one does.
 *
 * @example
 * const pdf = await reportPdf(report, await loadReportFont(config.REPORT_FONT), { locale: 'en' })
 */
export async function reportPdf(
  report: CampaignReport,
  font: ReportFont,
  { locale = 'zh-CN' }: ReportPdfOptions = {},
): Promise<Buffer> {
  const ctx: Ctx = { T: reportTexts(locale), locale }
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: ctx.T.titleOf(report.campaign.name), Creator: 'Yardstick' },
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  try {
    doc.registerFont('cjk', font.bytes, font.face)
    doc.font('cjk')
  } catch (error) {
    throw new AppError('reportFontMissing', `The report font cannot be read: ${String(error)}`, {
      reason: String(error),
    })
  }
  heading(doc, report, ctx)
  grades(doc, report, ctx)
  ranking(doc, report, ctx)
  dimensions(doc, report, ctx)
  problems(doc, report, ctx)
  participation(doc, report, ctx)
  rectifications(doc, report, ctx)
  doc.end()
  return done
}

type Doc = PDFKit.PDFDocument
/** The words and the language one PDF is made in. */
type Ctx = { T: ReportPdfTexts; locale: ReportLocale }

/** A source's name as the campaign gives it (its own label), else the usual one. */
function sourceName(report: CampaignReport, key: string, { locale }: Ctx): string {
  return sourceLabelOf(report.sources.find((source) => source.key === key) ?? { key }, locale)
}

/** A grade as its readers name it: the usual keys in Chinese; a band's own name as it is. */
function gradeName(grade: string, { locale }: Ctx): string {
  return locale === 'en' ? grade : (gradeLabel(grade) ?? grade)
}

function section(doc: Doc, title: string) {
  // A section starts on a new page when less than a quarter of the page is left.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 200) doc.addPage()
  doc.moveDown(0.5).fontSize(13).text(title, MARGIN, doc.y, { width: WIDTH }).moveDown(0.3)
}

function paragraph(doc: Doc, text: string) {
  doc.fontSize(10).text(text, MARGIN, doc.y, { width: WIDTH }).moveDown(0.3)
}

function heading(doc: Doc, { campaign, scope, generatedAt }: CampaignReport, { T, locale }: Ctx) {
  doc.fontSize(18).text(T.titleOf(campaign.name), { align: 'center', width: WIDTH })
  doc.moveDown(0.5)
  const unitType =
    locale === 'en' && scope.unitType !== null
      ? UNIT_TYPE_LABELS[scope.unitType].en
      : unitTypeLabel(scope.unitType)
  const scopeText = [scope.subtree?.name, unitType].filter(Boolean).join(' · ') || T.wholeCampaign
  const period = T.periodOf(
    BEIJING_DATE.format(new Date(campaign.opensAt)),
    BEIJING_DATE.format(new Date(campaign.closesAt)),
  )
  for (const line of [
    `${T.office}${T.colon}${campaign.office}`,
    `${T.period}${T.colon}${period}`,
    `${T.scope}${T.colon}${scopeText}`,
    `${T.generatedAt}${T.colon}${BEIJING_TIME.format(new Date(generatedAt))}`,
  ]) {
    paragraph(doc, line)
  }
}

function grades(doc: Doc, { distribution, totals }: CampaignReport, ctx: Ctx) {
  const { T } = ctx
  section(doc, T.sections.grades)
  paragraph(doc, T.totals(totals.units, totals.graded, totals.incomplete))
  drawTable(
    doc,
    [
      { header: T.grade, width: 200 },
      { header: T.count, width: 140, align: 'right' },
      { header: T.share, width: 142, align: 'right' },
    ],
    distribution.map((row) => [
      gradeName(row.grade, ctx),
      String(row.count),
      reportShare(row.share),
    ]),
  )
}

function ranking(doc: Doc, { ranking }: CampaignReport, ctx: Ctx) {
  const { T } = ctx
  section(doc, T.sections.ranking)
  if (ranking.rows.length === 0) return paragraph(doc, T.noUnits)
  if (!ranking.complete && ranking.lowestGrade !== null) {
    paragraph(
      doc,
      T.rankingPartial(ranking.units, REPORT_RANKING.top, gradeName(ranking.lowestGrade, ctx)),
    )
  }
  drawTable(
    doc,
    [
      { header: T.rank, width: 40, align: 'right' },
      { header: T.unit, width: 182 },
      { header: T.composite, width: 70, align: 'right' },
      { header: T.grade, width: 60 },
      { header: T.stars, width: 40, align: 'right' },
      { header: T.note, width: 90 },
    ],
    ranking.rows.map((row) => [
      row.rank === null ? '—' : String(row.rank),
      row.name,
      reportNumber(row.composite),
      row.grade === null ? '—' : gradeName(row.grade, ctx),
      row.stars === null ? '—' : String(row.stars),
      [row.vetoed ? T.vetoed : '', row.demoted ? T.demoted : '']
        .filter(Boolean)
        .join(T.noteSeparator),
    ]),
  )
}

function dimensions(doc: Doc, report: CampaignReport, ctx: Ctx) {
  const { T, locale } = ctx
  section(doc, T.sections.dimensions)
  if (report.dimensions.length === 0) return paragraph(doc, T.noDimensions)
  for (const source of report.dimensions) {
    const titles = new Map(source.dimensions.map((d) => [d.name, d.title[locale]]))
    paragraph(doc, sourceName(report, source.key, ctx))
    drawTable(
      doc,
      [
        { header: T.dimension, width: 200 },
        { header: T.median, width: 94, align: 'right' },
        { header: T.min, width: 94, align: 'right' },
        { header: T.max, width: 94, align: 'right' },
      ],
      source.dimensions.map((d) => [
        d.title[locale],
        reportNumber(d.median),
        reportNumber(d.min),
        reportNumber(d.max),
      ]),
    )
    const weakest = source.weakest.map((name) => titles.get(name) ?? name)
    if (weakest.length > 0) {
      paragraph(doc, `${T.weakest}${T.colon}${weakest.join(T.listSeparator)}`)
    }
  }
}

function problems(doc: Doc, report: CampaignReport, ctx: Ctx) {
  const { T, locale } = ctx
  section(doc, T.sections.problems)
  for (const source of report.commonProblems) {
    paragraph(doc, sourceName(report, source.source, ctx))
    if (source.withheldBelow !== null) {
      paragraph(doc, T.withheld(source.withheldBelow))
      continue
    }
    if (source.questions.length === 0) {
      paragraph(doc, T.noProblems)
      continue
    }
    drawTable(
      doc,
      [
        { header: T.question, width: 262 },
        { header: T.measure, width: 80 },
        { header: T.units, width: 70, align: 'right' },
        { header: T.share, width: 70, align: 'right' },
      ],
      source.questions.map((q) => [
        q.title[locale],
        T.measures[q.measure],
        String(q.units),
        reportShare(q.share),
      ]),
    )
  }
}

function participation(doc: Doc, report: CampaignReport, ctx: Ctx) {
  const { T } = ctx
  section(doc, T.sections.participation)
  if (report.participation === null) return paragraph(doc, T.participationHidden)
  drawTable(
    doc,
    [
      { header: T.source, width: 142 },
      { header: T.complete, width: 80, align: 'right' },
      { header: T.partial, width: 80, align: 'right' },
      { header: T.none, width: 80, align: 'right' },
      { header: T.answered, width: 100, align: 'right' },
    ],
    report.participation.map((row) => [
      sourceName(report, row.source, ctx),
      String(row.complete),
      String(row.partial),
      String(row.none),
      `${row.answered} / ${row.expected}`,
    ]),
  )
}

function rectifications(doc: Doc, { rectifications }: CampaignReport, { T }: Ctx) {
  section(doc, T.sections.rectifications)
  paragraph(doc, T.rectTotal(rectifications.total, rectifications.overdue))
  const entries = <K extends string>(labels: Record<K, string>, counts: Record<K, number>) =>
    (Object.keys(labels) as K[]).map((key) => [labels[key], String(counts[key])])
  drawTable(
    doc,
    [
      { header: T.status, width: 241 },
      { header: T.count, width: 241, align: 'right' },
    ],
    entries(T.statuses, rectifications.byStatus),
  )
  drawTable(
    doc,
    [
      { header: T.origin, width: 241 },
      { header: T.count, width: 241, align: 'right' },
    ],
    entries(T.origins, rectifications.byOrigin),
  )
}
