import { z } from '@hono/zod-openapi'
import { CAMPAIGN_STATUSES } from '@yardstick/db/enums'
import { CADENCES, SOURCE_KEYS, SOURCE_MEASURES, UNIT_TYPES } from '@yardstick/sdk/domain'
import { RowIdQuerySchema, RowIdSchema } from './ids'
import { AllowedOriginsSchema } from './origins'
import { PageQuerySchema } from './pagination'

/** The longest quiz time limit a campaign may set: one day. */
export const TIME_LIMIT_MAX_MINUTES = 24 * 60

/**
 * A quiz's time limit per respondent: whole minutes from 1 to a day, or null for none.
 *
 * @example
 * TimeLimitMinutesSchema.parse(30) // 30
 */
export const TimeLimitMinutesSchema = z
  .number()
  .int()
  .min(1)
  .max(TIME_LIMIT_MAX_MINUTES)
  .nullable()
  .openapi({
    description:
      'Minutes each respondent has from first opening a quiz link; null: no limit. ' +
      'Answers arriving after the limit (plus the grace the links state) are refused',
    example: 30,
  })

/**
 * 分类制定: a source's own instrument per branch type, unit type → form version id. A type left out
 * (and a unit without a type) answers the source's default `formVersion`; an empty record means
 * one form for all. Each version must be of the default's kind (`selfCheck`, `scorecard`, …).
 *
 * @example
 * FormsByUnitTypeSchema.parse({ enterprise: 12, school: 13 })
 */
export const FormsByUnitTypeSchema = z.partialRecord(z.enum(UNIT_TYPES), RowIdSchema).openapi({
  description:
    'Per branch type, the form_versions id its units answer instead of the default ' +
    '(分类制定); types left out, and units without a type, answer the default. Results are ' +
    'percents, so units on different instruments are graded and ranked together',
  example: { enterprise: 12, school: 13 },
})

/** One source's change: its form version and/or weight (the source itself stays). */
const SourceChangeSchema = z
  .object({
    key: z.enum(SOURCE_KEYS),
    formVersion: RowIdSchema.optional().openapi({
      description: 'A form_versions id the source is answered on from now',
    }),
    formsByUnitType: FormsByUnitTypeSchema.optional().openapi({
      description:
        'The per-type instruments from now, replacing the current ones ({} for one form for all)',
    }),
    weight: z.number().optional(),
  })
  .strict()

/**
 * `PATCH /api/campaigns/:id`: the settings an office may change after creation. Every field is
 * optional, at least one is given, and no other field is accepted.
 *
 * @example
 * UpdateCampaignSchema.parse({ allowedOrigins: ['https://portal.example.cn'] })
 */
export const UpdateCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    opensAt: z.iso.datetime({ offset: true }).optional(),
    closesAt: z.iso.datetime({ offset: true }).optional(),
    allowedOrigins: AllowedOriginsSchema.optional(),
    showScore: z.boolean().optional(),
    timeLimitMinutes: TimeLimitMinutesSchema.optional(),
    sources: z
      .array(SourceChangeSchema)
      .min(1)
      .max(SOURCE_KEYS.length)
      .optional()
      .openapi({
        description:
          'Form versions (the default and per branch type) and weights of existing sources; ' +
          'refused (409 `responsesExist`) once the campaign has any response',
      }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
  .openapi('CampaignSettings')

/** One evaluation source of a new campaign; the SDK's `evaluate` checks weights and counts. */
export const SourceInputSchema = z.object({
  key: z.enum(SOURCE_KEYS),
  formVersion: RowIdSchema.openapi({ description: 'A form_versions id: the default instrument' }),
  formsByUnitType: FormsByUnitTypeSchema.optional(),
  weight: z.number(),
  required: z.boolean().optional(),
  minResponses: z.number().optional(),
  measure: z.enum(SOURCE_MEASURES).optional(),
  anonymous: z.boolean().optional(),
})

/** `POST /api/campaigns`. */
export const CreateCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    cadence: z.enum(CADENCES),
    opensAt: z.iso.datetime({ offset: true }),
    closesAt: z.iso.datetime({ offset: true }),
    units: z
      .union([
        z.object({ subtree: RowIdSchema }).strict(),
        z.object({ ids: z.array(RowIdSchema).min(1).max(50_000) }).strict(),
      ])
      .openapi({ description: 'Every branch of a subtree, or a list of branch ids' }),
    sources: z.array(SourceInputSchema).min(1).max(SOURCE_KEYS.length),
    bands: z
      .array(
        z.object({
          min: z.number(),
          grade: z.string().trim().min(1).max(50),
          stars: z.number().int().min(0).max(5).optional(),
        }),
      )
      .min(1)
      .max(20),
    quota: z.object({ grade: z.string().min(1).max(50), maxShare: z.number() }).optional(),
    allowedOrigins: AllowedOriginsSchema.optional(),
    showScore: z
      .boolean()
      .default(false)
      .openapi({
        description:
          'Show each respondent their score after submitting (in the embed and the SDK link mode). ' +
          'Off by default, quizzes included: a score is the office’s to publish unless it says so',
      }),
    timeLimitMinutes: TimeLimitMinutesSchema.optional(),
    orgId: RowIdSchema.optional().openapi({
      description: 'The office running it; default: the subtree, or the units’ common ancestor',
    }),
  })
  .openapi('NewCampaign')

/** A form version as a campaign names it: its id, form, number within the form and title. */
export const InstrumentSchema = z
  .object({
    formVersion: z.number(),
    formId: z.number(),
    version: z.number(),
    title: z.string().openapi({ description: 'The form’s title' }),
  })
  .openapi('Instrument')

/** One evaluation source of a campaign, with the form version(s) it is answered on. */
export const CampaignSourceSchema = z.object({
  key: z.enum(SOURCE_KEYS),
  formVersion: z.number().openapi({ description: 'The default instrument' }),
  formId: z.number().openapi({ description: 'The form the version belongs to' }),
  version: z.number().openapi({ description: 'The version’s number within its form' }),
  formsByUnitType: z.partialRecord(z.enum(UNIT_TYPES), z.number()).openapi({
    description:
      'Per branch type with its own instrument, its form_versions id; {}: one form for all',
  }),
  instruments: z.array(InstrumentSchema).openapi({
    description: 'Every form version the source names, the default first',
  }),
  weight: z.number(),
  required: z.boolean(),
  minResponses: z.number().nullable(),
  measure: z.enum(SOURCE_MEASURES).nullable(),
  anonymous: z.boolean(),
})

/** A campaign as lists show it. */
export const CampaignSummarySchema = z
  .object({
    id: z.number(),
    orgId: z.number(),
    name: z.string(),
    cadence: z.enum(CADENCES),
    opensAt: z.string(),
    closesAt: z.string(),
    status: z.enum(CAMPAIGN_STATUSES),
    accepting: z.boolean().openapi({ description: 'Open and now within [opensAt, closesAt]' }),
    unitCount: z.number(),
    showScore: z
      .boolean()
      .openapi({ description: 'Respondents are shown their score after submitting' }),
  })
  .openapi('CampaignSummary')

/** `GET /api/campaigns/:id`. */
export const CampaignSchema = CampaignSummarySchema.extend({
  bands: z.array(z.object({ min: z.number(), grade: z.string(), stars: z.number().optional() })),
  quota: z.object({ grade: z.string(), maxShare: z.number() }).nullable(),
  allowedOrigins: z.array(z.string()),
  timeLimitMinutes: z.number().nullable().openapi({
    description: 'A quiz’s time limit per respondent, in minutes; null: none',
  }),
  sources: z.array(CampaignSourceSchema),
  createdAt: z.string(),
}).openapi('Campaign')

/** One respondent link of a campaign. */
export const CampaignLinkSchema = z
  .object({
    slug: z.string(),
    unitId: z.number(),
    unitName: z.string(),
    source: z.enum(SOURCE_KEYS),
    anonymous: z.boolean(),
    path: z.string().openapi({ example: '/s/q8Xr0m3cV1pQ9sZ2aLk4Tw' }),
  })
  .openapi('Link')

/** `POST /api/campaigns/:id/tokens`. */
export const IssueTokensSchema = z
  .object({
    unitId: RowIdSchema,
    source: z.enum(SOURCE_KEYS),
    count: z.number().int().min(1).max(1000),
  })
  .openapi('IssueTokens')

/** `GET /api/campaigns/:id/links`: paging, one branch, one source. */
export const CampaignLinksQuerySchema = PageQuerySchema.extend({
  unitId: RowIdQuerySchema.optional(),
  source: z.enum(SOURCE_KEYS).optional(),
})

/** `POST /api/campaigns/:id/open` and `…/close`: the status it moved to. */
export const CampaignMovedSchema = z.object({ id: z.number(), status: z.enum(['open', 'closed']) })

/** `POST /api/campaigns/:id/tokens` as JSON: the tokens, shown once. */
export const IssuedTokensSchema = z.object({
  tokens: z.array(z.string()),
  unitId: z.number(),
  source: z.enum(SOURCE_KEYS),
  slug: z.string(),
})

export type UpdateCampaignInput = z.infer<typeof UpdateCampaignSchema>
/** The body of `PATCH /api/campaigns/:id` as a client sends it: only what changes. */
export type CampaignSettingsChange = z.input<typeof UpdateCampaignSchema>
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>
/** The body of `POST /api/campaigns` as a client sends it (defaults not yet applied). */
export type NewCampaign = z.input<typeof CreateCampaignSchema>
export type SourceInput = z.input<typeof SourceInputSchema>
export type CampaignSource = z.infer<typeof CampaignSourceSchema>
export type Instrument = z.infer<typeof InstrumentSchema>
export type FormsByUnitType = z.infer<typeof FormsByUnitTypeSchema>
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>
export type Campaign = z.infer<typeof CampaignSchema>
export type CampaignLink = z.infer<typeof CampaignLinkSchema>
export type IssueTokensBody = z.input<typeof IssueTokensSchema>
export type IssuedTokens = z.infer<typeof IssuedTokensSchema>
export type CampaignMoved = z.infer<typeof CampaignMovedSchema>
