import { z } from '@hono/zod-openapi'
import { SOURCE_KEYS } from '@yardstick/db'
import { AllowedOriginsSchema } from './origins'

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

/** One source's change: its form version and/or weight (the source itself stays). */
const SourceChangeSchema = z
  .object({
    key: z.enum(SOURCE_KEYS),
    formVersion: z.number().int().positive().optional().openapi({
      description: 'A form_versions id the source is answered on from now',
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
          'Form versions and weights of existing sources; refused (409 `responsesExist`) once the ' +
          'campaign has any response',
      }),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Nothing to change' })
  .openapi('CampaignSettings')
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignSchema>
