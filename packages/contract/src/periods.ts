import { z } from '@hono/zod-openapi'

/**
 * `POST /api/campaigns/:id/next-period`: the new period's name and window; each defaults to
 * `suggestNextPeriod` of the campaign.
 *
 * @example
 * NextPeriodSchema.parse({ name: '2026年度综合评定' })
 */
export const NextPeriodSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    opensAt: z.iso.datetime({ offset: true }).optional(),
    closesAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('NextPeriod')

export type NextPeriodBody = z.input<typeof NextPeriodSchema>
