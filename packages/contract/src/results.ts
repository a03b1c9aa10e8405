import { z } from '@hono/zod-openapi'
import {
  RECTIFICATION_ORIGINS,
  RECTIFICATION_STATUSES,
  SELF_CHECK_STATUSES,
} from '@yardstick/db/enums'
import { INCOMPLETE_REASONS } from '@yardstick/sdk'
import { SOURCE_MEASURES, UNIT_TYPES } from '@yardstick/sdk/domain'
import { OffsetQuerySchema, RowIdQuerySchema } from './ids'
import { UnitSeriesSchema } from './series'
import { SourceKeySchema } from './source-key'

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
  source: SourceKeySchema.openapi({ description: 'Which source’s form to report on' }),
  formVersion: RowIdQuerySchema.optional().openapi({
    description:
      'Which of the source’s instruments (a form_versions id it names) to report on; default: ' +
      'the source’s default instrument. Only responses answered on it count',
  }),
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
    instruments: z
      .array(
        z.object({
          source: SourceKeySchema,
          formVersion: z.number().int(),
          title: z.string().openapi({ description: 'The form’s title' }),
        }),
      )
      .openapi({
        description:
          'Per source, the form version the unit answers it on: its branch type’s own, else the ' +
          'source’s default (values are percents, so units on different instruments compare)',
      }),
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
    instruments: z
      .array(z.object({ formVersion: z.number().int(), title: z.string() }))
      .openapi({ description: 'Every instrument of the source (the default first), to choose' }),
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

/** A text in Chinese and English. */
const LocalizedTitleSchema = z.object({ 'zh-CN': z.string(), en: z.string() })

/** The rule every dimension percent follows, said once for the API reference. */
const DIMENSION_PERCENT_RULE =
  'A unit’s percent on a dimension of a source = Σ its responses’ dimension `score` / Σ their ' +
  '`maxScore` × 100 (the SDK’s per-response dimension scores summed, then divided), computed in SQL'

/** A dimension's figures over units: how many have a percent, and its median, min, max and mean. */
export const DimensionStatsSchema = z.object({
  units: z.number().int().openapi({ description: 'Units with a percent on this dimension' }),
  median: z.number().nullable().openapi({ description: 'null when no unit has a percent' }),
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
})

/** One dimension of a unit on its detail page: its percent beside its subtree's median. */
export const UnitDimensionSchema = z.object({
  source: SourceKeySchema,
  name: z.string(),
  title: LocalizedTitleSchema,
  percent: z
    .number()
    .nullable()
    .openapi({ description: `${DIMENSION_PERCENT_RULE}; null without responses` }),
  subtree: DimensionStatsSchema.openapi({
    description:
      'The dimension over the units you may see under the unit’s parent (its sub-committee; ' +
      'the whole campaign for a unit at the top)',
  }),
})

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
        key: SourceKeySchema,
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
        origin: z.enum(RECTIFICATION_ORIGINS),
        responseId: z
          .number()
          .int()
          .nullable()
          .openapi({ description: 'The scorecard a deduction’s rectification was raised from' }),
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
    series: UnitSeriesSchema.openapi({
      description: 'The unit across the series up to this campaign (oldest first) and its change',
    }),
    dimensions: z.array(UnitDimensionSchema).openapi({
      description:
        'Per source with declared dimensions (四强, 五基本), each dimension’s percent of the unit ' +
        'beside its subtree’s median, in the form’s order',
    }),
    mayFollowUp: z.boolean().openapi({
      description:
        'Whether you raise this unit’s follow-ups (a 转化 plan, a rectification from a ' +
        'deduction): an admin or assessor above it, or an editor of the campaign’s office',
    }),
  })
  .openapi('UnitDetail')

/** Query of `GET /campaigns/:id/results/dimensions`: filters and the page of `units`. */
export const DimensionResultsQuerySchema = FilterQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(100).openapi({
    description: 'Units per page (1–10,000, default 100); statistics cover every unit in scope',
  }),
  offset: OffsetQuerySchema.default(0).openapi({ description: 'Units to skip' }),
})

/** The body of `GET /campaigns/:id/results/dimensions`. */
export const DimensionResultsSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Units matching the filters that you may see' }),
    limit: z.number().int(),
    offset: z.number().int(),
    sources: z.array(
      z.object({
        key: SourceKeySchema,
        dimensions: z.array(
          z
            .object({ name: z.string(), title: LocalizedTitleSchema })
            .extend(DimensionStatsSchema.shape),
        ),
      }),
    ),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        name: z.string(),
        unitType: z.enum(UNIT_TYPES).nullable(),
        parentId: z.number().int().nullable(),
        percents: z.record(z.string(), z.record(z.string(), z.number().nullable())).openapi({
          description: `Per source key, per dimension name: ${DIMENSION_PERCENT_RULE}. A source without responses of the unit is absent`,
        }),
      }),
    ),
  })
  .openapi('DimensionResults')

/** How a question counts against a unit in 共性问题. */
export const COMMON_PROBLEM_MEASURES = ['problem', 'lostPoints', 'deducted'] as const
export type CommonProblemMeasure = (typeof COMMON_PROBLEM_MEASURES)[number]

/** Query of `GET /campaigns/:id/results/common-problems`. */
export const CommonProblemsQuerySchema = FilterQuerySchema.extend({
  source: SourceKeySchema.openapi({ description: 'Which source’s questions to count' }),
})

/** The body of `GET /campaigns/:id/results/common-problems` (共性问题). */
export const CommonProblemsSchema = z
  .object({
    source: SourceKeySchema,
    unitsWithResponses: z
      .number()
      .int()
      .openapi({ description: 'Units in scope with a response of the source: the shares’ base' }),
    withheldBelow: z
      .number()
      .int()
      .nullable()
      .openapi({
        description:
          'Set (to 5) when an anonymous source’s figures are withheld from a branch’s own reader ' +
          'because it has fewer responses; `questions` is then empty. null otherwise',
      }),
    questions: z.array(
      z.object({
        name: z.string(),
        title: LocalizedTitleSchema,
        dimension: z.object({ name: z.string(), title: LocalizedTitleSchema }).nullable(),
        measure: z.enum(COMMON_PROBLEM_MEASURES).openapi({
          description:
            '`problem`: answered with a choice that opens a problem (否); `lostPoints`: earned ' +
            'less than the maximum; `deducted`: a deduction item took points off',
        }),
        units: z.number().int().openapi({ description: 'Units where it happened at least once' }),
        share: z.number().openapi({ description: 'units / unitsWithResponses (0 when none)' }),
      }),
    ),
  })
  .openapi('CommonProblems')

/** `GET /api/campaigns/:id/responses.{csv,xlsx}`: the filters and the one source exported. */
export const ResponsesQuerySchema = FilterQuerySchema.extend({
  source: SourceKeySchema.openapi({ description: 'Which source’s responses (one form each)' }),
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
export type DimensionStats = z.infer<typeof DimensionStatsSchema>
export type UnitDimension = z.infer<typeof UnitDimensionSchema>
export type DimensionResultsQuery = z.infer<typeof DimensionResultsQuerySchema>
export type DimensionResults = z.infer<typeof DimensionResultsSchema>
export type CommonProblemsQuery = z.infer<typeof CommonProblemsQuerySchema>
export type CommonProblems = z.infer<typeof CommonProblemsSchema>
