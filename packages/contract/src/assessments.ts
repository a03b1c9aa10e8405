import { z } from '@hono/zod-openapi'
import { UNIT_TYPES } from '@yardstick/sdk/domain'
import { RowIdQuerySchema } from './ids'
import { PageQuerySchema, pageSchema } from './pagination'

/** `GET /api/assessments`: paging, one campaign, and only the branches still to score. */
export const AssessmentQuerySchema = PageQuerySchema.extend({
  campaignId: RowIdQuerySchema.optional(),
  todo: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ type: 'boolean', description: 'Only the branches you have not scored' }),
})

/** One branch an assessor scores in one campaign. */
export const AssessmentItemSchema = z
  .object({
    campaignId: z.number().int(),
    campaignName: z.string(),
    unitId: z.number().int(),
    unitName: z.string(),
    unitType: z.enum(UNIT_TYPES).nullable(),
    parentName: z.string().nullable().openapi({ description: 'The organisation above the branch' }),
    slug: z.string(),
    url: z.string().openapi({ description: 'The scorecard page: `/s/<slug>`', example: '/s/q8Xr' }),
    scoredByMe: z.boolean(),
    myLastScoredAt: z.string().nullable(),
    responses: z.number().int().openapi({ description: 'Scorecards stored by anyone' }),
  })
  .openapi('AssessmentItem')

/** An open campaign an assessor scores in, with their progress and everyone's. */
export const AssessmentCampaignSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    opensAt: z.string(),
    closesAt: z.string(),
    accepting: z.boolean().openapi({ description: 'Open and within [opensAt, closesAt]' }),
    total: z.number().int().openapi({ description: 'Branches your grants reach' }),
    scoredByMe: z.number().int(),
    scoredByAnyone: z.number().int(),
  })
  .openapi('AssessmentCampaign')

/** `GET /api/assessments`: the open campaigns and a page of branches. */
export const AssessmentListSchema = pageSchema(AssessmentItemSchema)
  .extend({ campaigns: z.array(AssessmentCampaignSchema) })
  .openapi('AssessmentList')

export type AssessmentQuery = z.infer<typeof AssessmentQuerySchema>
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>
export type AssessmentCampaign = z.infer<typeof AssessmentCampaignSchema>
export type AssessmentList = z.infer<typeof AssessmentListSchema>
