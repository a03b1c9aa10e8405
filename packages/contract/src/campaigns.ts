import { z } from '@hono/zod-openapi'
import { CAMPAIGN_STATUSES } from '@yardstick/db/enums'
import { CADENCES, SOURCE_MEASURES, UNIT_TYPES } from '@yardstick/sdk/domain'
import { RowIdQuerySchema, RowIdSchema } from './ids'
import { AllowedOriginsSchema } from './origins'
import { PageQuerySchema } from './pagination'
import { SourceKeySchema, SourceRespondentSchema } from './source-key'

export { SourceKeySchema, SourceRespondentSchema }

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

/** The most sources a campaign may have. */
export const MAX_SOURCES = 8

/** The most people a 述职评议 panel may name. */
export const MAX_PANEL = 200

/**
 * A source's own name in zh-CN and/or English; left out, a default key is named as usual and any
 * other by its key.
 *
 * @example
 * SourceLabelSchema.parse({ 'zh-CN': '述职评议', en: 'Debriefing review' })
 */
export const SourceLabelSchema = z
  .object({
    'zh-CN': z.string().trim().min(1).max(50).optional(),
    en: z.string().trim().min(1).max(50).optional(),
  })
  .strict()
  .openapi({ example: { 'zh-CN': '述职评议', en: 'Debriefing review' } })

/** The user ids of a panel source: each an existing, active user, named once. */
export const PanelSchema = z
  .array(RowIdSchema)
  .min(1)
  .max(MAX_PANEL)
  .openapi({ description: 'The users (ids) who each rate every unit once (answeredBy panel)' })

/**
 * One source's change. An existing source may move to other form versions, weight, minimum
 * responses, label, who answers and panel, or be removed (`remove: true`); a key the campaign does not have adds a
 * source (then `formVersion` and `weight` are required, as at creation). Everything but the
 * label is refused once the campaign has a response (409 `responsesExist`).
 */
const SourceChangeSchema = z
  .object({
    key: SourceKeySchema,
    formVersion: RowIdSchema.optional().openapi({
      description: 'A form_versions id the source is answered on from now',
    }),
    formsByUnitType: FormsByUnitTypeSchema.optional().openapi({
      description:
        'The per-type instruments from now, replacing the current ones ({} for one form for all)',
    }),
    weight: z.number().optional(),
    answeredBy: SourceRespondentSchema.optional(),
    label: SourceLabelSchema.nullable().optional().openapi({
      description: 'The source’s own name from now; null: the usual one',
    }),
    panel: z.array(RowIdSchema).max(MAX_PANEL).optional().openapi({
      description: 'A panel source’s users from now (replacing the current ones)',
    }),
    required: z.boolean().optional().openapi({ description: 'A new source only' }),
    minResponses: z.number().nullable().optional().openapi({
      description: 'The fewest scorable responses a unit needs on it from now; null: none',
    }),
    measure: z.enum(SOURCE_MEASURES).optional().openapi({ description: 'A new source only' }),
    anonymous: z.boolean().optional().openapi({ description: 'A new source only' }),
    remove: z.literal(true).optional().openapi({ description: 'Removes the source' }),
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
      .max(MAX_SOURCES)
      .optional()
      .openapi({
        description:
          'Changes to the sources: form versions (the default and per branch type), weights, ' +
          'labels, who answers and panels of existing sources, new sources and removed ones; ' +
          'all but labels refused (409 `responsesExist`) once the campaign has any response',
      }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
  .openapi('CampaignSettings')

/** One evaluation source of a new campaign; the SDK's `evaluate` checks weights and counts. */
export const SourceInputSchema = z.object({
  key: SourceKeySchema,
  answeredBy: SourceRespondentSchema.optional(),
  label: SourceLabelSchema.optional(),
  panel: PanelSchema.optional(),
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
    sources: z.array(SourceInputSchema).min(1).max(MAX_SOURCES),
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
  key: SourceKeySchema,
  answeredBy: SourceRespondentSchema,
  label: SourceLabelSchema.nullable().openapi({ description: 'Its own name; null: the usual one' }),
  panel: z.array(z.number()).openapi({ description: 'A panel source’s users; [] for others' }),
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
  canManage: z.boolean().openapi({
    description:
      'Whether the signed-in user manages this campaign (admin or editor reaching its office): ' +
      'changes its settings, opens and closes it, issues tokens, checks its totals. Seeing it ' +
      'through a role on some of its units only is not managing it',
  }),
}).openapi('Campaign')

/** One respondent link of a campaign. */
export const CampaignLinkSchema = z
  .object({
    slug: z.string(),
    unitId: z.number(),
    unitName: z.string(),
    source: SourceKeySchema,
    anonymous: z.boolean(),
    path: z.string().openapi({ example: '/s/q8Xr0m3cV1pQ9sZ2aLk4Tw' }),
  })
  .openapi('Link')

/** `POST /api/campaigns/:id/tokens`. */
export const IssueTokensSchema = z
  .object({
    unitId: RowIdSchema,
    source: SourceKeySchema,
    count: z.number().int().min(1).max(1000),
  })
  .openapi('IssueTokens')

/** `GET /api/campaigns/:id/links`: paging, one branch, one source. */
export const CampaignLinksQuerySchema = PageQuerySchema.extend({
  unitId: RowIdQuerySchema.optional(),
  source: SourceKeySchema.optional(),
})

/** `POST /api/campaigns/:id/open` and `…/close`: the status it moved to. */
export const CampaignMovedSchema = z.object({ id: z.number(), status: z.enum(['open', 'closed']) })

/** `POST /api/campaigns/:id/tokens` as JSON: the tokens, shown once. */
export const IssuedTokensSchema = z.object({
  tokens: z.array(z.string()),
  unitId: z.number(),
  source: SourceKeySchema,
  slug: z.string(),
})

export type UpdateCampaignInput = z.infer<typeof UpdateCampaignSchema>
/** The body of `PATCH /api/campaigns/:id` as a client sends it: only what changes. */
export type CampaignSettingsChange = z.input<typeof UpdateCampaignSchema>
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>
/** The body of `POST /api/campaigns` as a client sends it (defaults not yet applied). */
export type NewCampaign = z.input<typeof CreateCampaignSchema>
export type SourceInput = z.input<typeof SourceInputSchema>
export type SourceLabel = z.infer<typeof SourceLabelSchema>
export type CampaignSource = z.infer<typeof CampaignSourceSchema>
export type Instrument = z.infer<typeof InstrumentSchema>
export type FormsByUnitType = z.infer<typeof FormsByUnitTypeSchema>
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>
export type Campaign = z.infer<typeof CampaignSchema>
export type CampaignLink = z.infer<typeof CampaignLinkSchema>
export type IssueTokensBody = z.input<typeof IssueTokensSchema>
export type IssuedTokens = z.infer<typeof IssuedTokensSchema>
export type CampaignMoved = z.infer<typeof CampaignMovedSchema>
