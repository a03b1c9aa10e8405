import { z } from '@hono/zod-openapi'
import { RECTIFICATION_STATUSES, SELF_CHECK_STATUSES } from '@yardstick/db/enums'
import { INCOMPLETE_REASONS } from '@yardstick/sdk'
import { SOURCE_KEYS, SOURCE_MEASURES, UNIT_TYPES } from '@yardstick/sdk/domain'
import { OffsetQuerySchema, RowIdQuerySchema } from './ids'

/** `?subtree=` and `?unitType=`: the filters every results and export route takes. */
export const FilterQuerySchema = z.object({
  subtree: RowIdQuerySchema.optional().openapi({
    description: 'Only units in the subtree of this organisation (a sub-committee, 分工委)',
    example: 4,
  }),
  unitType: z
    .enum(UNIT_TYPES)
    .optional()
    .openapi({ description: 'Only branches of this type (支部类型)', example: 'organ' }),
})
export type FilterQuery = z.infer<typeof FilterQuerySchema>

/** How `units` may be ordered: by rank (incomplete last), by composite (high first), by name. */
export const RESULT_SORTS = ['rank', 'composite', 'name'] as const
export type ResultSort = (typeof RESULT_SORTS)[number]

/** `:id` of a campaign. */
export const CampaignParamsSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '7' }),
})

/** Query of `GET /campaigns/:id/results`: filters and the page of `units`. */
export const ResultsQuerySchema = FilterQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(100).openapi({
    description: 'Units per page (1–10,000, default 100)',
  }),
  offset: OffsetQuerySchema.default(0).openapi({ description: 'Units to skip' }),
  sort: z.enum(RESULT_SORTS).default('rank').openapi({
    description:
      '`rank` (default; incomplete units last), `composite` (high first) or `name` (pinyin); ties by name, then id',
  }),
})

/** Query of `GET /campaigns/:id/results/questions`. */
export const QuestionsQuerySchema = FilterQuerySchema.extend({
  source: z.enum(SOURCE_KEYS).openapi({ description: 'Which source’s form to report on' }),
})

/** A source's value for a unit (mean percent, or satisfaction rate × 100) and its responses. */
const SummarySchema = z.object({ value: z.number().nullable(), n: z.number().int() })

/** One unit's row of results: where it sits, its source values, and its grade. */
export const UnitResultSchema = z
  .object({
    unitId: z.number().int(),
    name: z.string(),
    unitType: z.enum(UNIT_TYPES).nullable(),
    parentId: z.number().int().nullable(),
    sources: z.record(z.string(), SummarySchema).openapi({
      description: 'Per source key: the value (mean percent, or satisfaction rate × 100) and n',
    }),
    composite: z
      .number()
      .nullable()
      .openapi({ description: 'Exact, unrounded; null when incomplete' }),
    grade: z.string().nullable(),
    stars: z.number().int().nullable(),
    rank: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Dense rank over the whole campaign' }),
    demoted: z.boolean().openapi({ description: 'Moved one band down by the quota' }),
    vetoed: z.boolean(),
    incomplete: z
      .object({
        reason: z.enum(INCOMPLETE_REASONS),
        source: z.string().nullable(),
        message: z.object({ 'zh-CN': z.string(), en: z.string() }),
      })
      .nullable(),
  })
  .openapi('UnitResult')

/** The body of `GET /campaigns/:id/results`. */
export const ResultsSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Units matching the filters that you may see' }),
    limit: z.number().int(),
    offset: z.number().int(),
    units: z.array(UnitResultSchema),
    distribution: z.array(
      z.object({
        grade: z.string(),
        count: z.number().int(),
        share: z.number().openapi({ description: 'count / graded units (0 when none)' }),
      }),
    ),
    participation: z.object({
      units: z.number().int(),
      graded: z.number().int(),
      incomplete: z.number().int(),
      bySource: z.record(
        z.string(),
        z.object({ responses: z.number().int(), unitsWithResponses: z.number().int() }),
      ),
    }),
    canExportResponses: z.boolean().openapi({
      description:
        'Whether you may export the raw responses (`GET /campaigns/:id/responses.{csv,xlsx}`): ' +
        'admin, editor or assessor reaching at least one unit; never a secretary only',
    }),
  })
  .openapi('CampaignResults')

/** The body of `GET /campaigns/:id/results/questions`. */
export const QuestionsSchema = z
  .object({
    source: z.string(),
    formVersionId: z.number().int(),
    responses: z.number().int(),
    overall: z
      .object({
        satisfied: z.number().int(),
        answered: z.number().int(),
        rate: z.number(),
        index: z.number(),
      })
      .nullable()
      .openapi({ description: 'Satisfaction pooled over every satisfaction question' }),
    withheldBelow: z
      .number()
      .int()
      .nullable()
      .openapi({
        description:
          'Set (to the minimum, 5) when the figures of an anonymous source are withheld from a ' +
          'branch’s own reader because it has fewer responses: `overall` is then null and ' +
          '`questions` empty. null otherwise',
      }),
    questions: z.array(
      z.object({
        name: z.string(),
        title: z.string(),
        type: z.string(),
        answered: z.number().int(),
        counts: z.record(z.string(), z.number().int()),
        shares: z.record(z.string(), z.number()),
        mean: z.number().nullable(),
        satisfactionRate: z.number().nullable(),
        choiceTexts: z
          .record(z.string(), z.object({ 'zh-CN': z.string(), en: z.string() }))
          .openapi({ description: 'Per choice value, its text (for labelling charts)' }),
      }),
    ),
  })
  .openapi('QuestionResults')

/** `:id` and `:unitId` of one branch's results. */
export const UnitParamsSchema = CampaignParamsSchema.extend({
  unitId: z.string().openapi({ param: { name: 'unitId', in: 'path' }, example: '17' }),
})

/** The body of `GET /campaigns/:id/results/units/:unitId`. */
export const UnitDetailSchema = z
  .object({
    campaignId: z.number().int(),
    campaignName: z.string(),
    unit: UnitResultSchema,
    sources: z.array(
      z.object({
        key: z.enum(SOURCE_KEYS),
        weight: z.number(),
        required: z.boolean(),
        minResponses: z.number().nullable(),
        measure: z.enum(SOURCE_MEASURES),
        value: z.number().nullable(),
        n: z.number().int(),
      }),
    ),
    selfCheck: z
      .object({
        status: z.enum(SELF_CHECK_STATUSES),
        approvedOn: z.string().nullable(),
        announcedAt: z.string().nullable(),
        submittedAt: z.string().nullable(),
        problems: z.array(
          z.object({
            question: z.string(),
            title: z.string(),
            answer: z.unknown(),
            note: z.string().optional(),
            details: z.record(z.string(), z.unknown()).optional(),
          }),
        ),
      })
      .nullable()
      .openapi({
        description: 'null when the campaign has no self source or the branch has not begun',
      }),
    rectifications: z.array(
      z.object({
        id: z.number().int(),
        question: z.string(),
        title: z.string(),
        note: z.string().nullable(),
        measure: z.string().nullable(),
        owner: z.string().nullable(),
        deadline: z.string().nullable(),
        status: z.enum(RECTIFICATION_STATUSES),
        overdue: z
          .boolean()
          .openapi({ description: 'The deadline has passed and it is not fixed' }),
        createdAt: z.string(),
        updatedAt: z.string(),
      }),
    ),
    scorecards: z
      .array(
        z.object({
          id: z.number().int(),
          respondent: z
            .string()
            .nullable()
            .openapi({ description: 'The assessor; null for an anonymous source' }),
          createdAt: z.string(),
          percent: z.number(),
          veto: z.boolean(),
          items: z.array(
            z.object({
              question: z.string(),
              title: z.object({ 'zh-CN': z.string(), en: z.string() }),
              deducted: z.number().openapi({ description: 'Points taken off; 0 for a veto' }),
              veto: z.boolean(),
              reason: z
                .string()
                .nullable()
                .openapi({ description: 'null only for responses stored before reasons' }),
            }),
          ),
        }),
      )
      .nullable()
      .openapi({
        description:
          'Each assessor’s scorecard (上级考评), oldest first, with every deduction and veto ' +
          'and its reason (`reasonsRequired`); null when no source is answered by assessors',
      }),
  })
  .openapi('UnitDetail')

/** `GET /api/campaigns/:id/responses.{csv,xlsx}`: the filters and the one source exported. */
export const ResponsesQuerySchema = FilterQuerySchema.extend({
  source: z.enum(SOURCE_KEYS).openapi({ description: 'Which source’s responses (one form each)' }),
})

/** A CSV or XLSX file, as an attachment. */
export const ExportFileSchema = z.string().openapi({ type: 'string', format: 'binary' })

export type CampaignParams = z.infer<typeof CampaignParamsSchema>
export type ResultsQuery = z.infer<typeof ResultsQuerySchema>
export type QuestionsQuery = z.infer<typeof QuestionsQuerySchema>
export type UnitResult = z.infer<typeof UnitResultSchema>
export type CampaignResults = z.infer<typeof ResultsSchema>
export type QuestionResults = z.infer<typeof QuestionsSchema>
export type UnitDetail = z.infer<typeof UnitDetailSchema>
/** One rectification of a branch as its results detail lists it. */
export type UnitRectification = UnitDetail['rectifications'][number]
/** One assessor's scorecard of a branch, as its detail shows it. */
export type UnitScorecard = NonNullable<UnitDetail['scorecards']>[number]
export type ResponsesQuery = z.infer<typeof ResponsesQuerySchema>
