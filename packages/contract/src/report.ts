import { z } from '@hono/zod-openapi'
import { RECTIFICATION_ORIGINS, RECTIFICATION_STATUSES } from '@yardstick/db/enums'
import { SourceLabelSchema } from './campaigns'
import { ParticipationSchema } from './participation'
import { REPORT_RANKING, REPORT_TOP_PROBLEMS, REPORT_WEAKEST_DIMENSIONS } from './report-figures'
import {
  CommonProblemsSchema,
  DimensionResultsSchema,
  FilterQuerySchema,
  ResultsSchema,
  UnitResultSchema,
} from './results'

/** A row of the report's ranking: the results row without its per-source figures. */
export const ReportRankingRowSchema = UnitResultSchema.pick({
  unitId: true,
  name: true,
  unitType: true,
  composite: true,
  grade: true,
  stars: true,
  rank: true,
  demoted: true,
  vetoed: true,
})

/** The body of `GET /campaigns/:id/report`: what the printed 通报 shows, in its order. */
export const ReportSchema = z
  .object({
    campaign: z.object({
      id: z.number().int(),
      name: z.string(),
      office: z.string().openapi({ description: 'The office running the campaign' }),
      opensAt: z.string().openapi({ description: 'ISO date-time' }),
      closesAt: z.string().openapi({ description: 'ISO date-time' }),
    }),
    generatedAt: z.string().openapi({ description: 'When the report was made (ISO date-time)' }),
    scope: z.object({
      subtree: z.object({ id: z.number().int(), name: z.string() }).nullable().openapi({
        description: 'The `subtree` filter’s organisation; null for the whole campaign',
      }),
      unitType: UnitResultSchema.shape.unitType,
    }),
    distribution: ResultsSchema.shape.distribution,
    totals: ResultsSchema.shape.participation,
    ranking: z.object({
      units: z.number().int().openapi({ description: 'Units in scope you may see' }),
      complete: z
        .boolean()
        .openapi({ description: 'Whether `rows` lists every unit in scope (few units)' }),
      lowestGrade: z
        .string()
        .nullable()
        .openapi({ description: 'The lowest band, whose units are all listed' }),
      rows: z.array(ReportRankingRowSchema).openapi({
        description:
          `All units in scope when fewer than ${REPORT_RANKING.allBelow}; else the first ` +
          `${REPORT_RANKING.top} by rank and every unit of the lowest band; by rank`,
      }),
    }),
    dimensions: z.array(
      DimensionResultsSchema.shape.sources.element.extend({
        weakest: z.array(z.string()).openapi({
          description: `Names of the (at most ${REPORT_WEAKEST_DIMENSIONS}) dimensions with the lowest median`,
        }),
      }),
    ),
    commonProblems: z.array(CommonProblemsSchema).openapi({
      description: `Per source, its first ${REPORT_TOP_PROBLEMS} 共性问题 (worst first)`,
    }),
    participation: ParticipationSchema.shape.summary.nullable().openapi({
      description:
        'Per source: units complete, partial, without an answer; null for a reader who may not ' +
        'read participation lists (a branch secretary)',
    }),
    rectifications: z.object({
      total: z.number().int(),
      overdue: z.number().int(),
      byStatus: z.record(z.enum(RECTIFICATION_STATUSES), z.number().int()),
      byOrigin: z.record(z.enum(RECTIFICATION_ORIGINS), z.number().int()),
    }),
    sources: z.array(z.object({ key: z.string(), label: SourceLabelSchema.nullable() })).openapi({
      description: 'The campaign’s sources, in order, with their own names (null: the usual one)',
    }),
  })
  .openapi('CampaignReport')

export type ReportRankingRow = z.infer<typeof ReportRankingRowSchema>
export type CampaignReport = z.infer<typeof ReportSchema>

/** The languages the report PDF is made in. */
export const REPORT_LANGUAGES = ['zh-CN', 'en'] as const

/** Query of `GET /campaigns/:id/report.pdf`: the report's filters and its language. */
export const ReportPdfQuerySchema = FilterQuerySchema.extend({
  lang: z.enum(REPORT_LANGUAGES).optional().openapi({
    description: 'The PDF’s language; absent: the first of `Accept-Language` it speaks, else zh-CN',
  }),
})
export type ReportPdfQuery = z.infer<typeof ReportPdfQuerySchema>
