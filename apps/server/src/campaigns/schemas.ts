import { z } from '@hono/zod-openapi'
import { CADENCES, CAMPAIGN_STATUSES, SOURCE_KEYS } from '@yardstick/db'
import { AllowedOriginsSchema } from './origins'
import { TimeLimitMinutesSchema } from './settings-schema'

/** One evaluation source of a new campaign; the SDK's `evaluate` checks weights and counts. */
export const SourceInputSchema = z.object({
  key: z.enum(SOURCE_KEYS),
  formVersion: z.number().int().positive().openapi({ description: 'A form_versions id' }),
  weight: z.number(),
  required: z.boolean().optional(),
  minResponses: z.number().optional(),
  measure: z.enum(['percent', 'satisfactionRate']).optional(),
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
        z.object({ subtree: z.number().int().positive() }).strict(),
        z.object({ ids: z.array(z.number().int().positive()).min(1).max(50_000) }).strict(),
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
    orgId: z.number().int().positive().optional().openapi({
      description: 'The office running it; default: the subtree, or the units’ common ancestor',
    }),
  })
  .openapi('NewCampaign')
export type CreateCampaignInput = z.infer<typeof CreateCampaignSchema>

const SourceSchema = z.object({
  key: z.enum(SOURCE_KEYS),
  formVersion: z.number(),
  formId: z.number().openapi({ description: 'The form the version belongs to' }),
  version: z.number().openapi({ description: 'The version’s number within its form' }),
  weight: z.number(),
  required: z.boolean(),
  minResponses: z.number().nullable(),
  measure: z.enum(['percent', 'satisfactionRate']).nullable(),
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
  sources: z.array(SourceSchema),
  createdAt: z.string(),
}).openapi('Campaign')

/** One respondent link of a campaign. */
export const LinkSchema = z
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
    unitId: z.number().int().positive(),
    source: z.enum(SOURCE_KEYS),
    count: z.number().int().min(1).max(1000),
  })
  .openapi('IssueTokens')
