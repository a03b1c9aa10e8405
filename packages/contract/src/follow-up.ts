import { z } from '@hono/zod-openapi'
import { IsoDateSchema } from './self-checks'

const text = (max: number) => z.string().trim().min(1).max(max)

/**
 * `POST /api/campaigns/:id/results/units/:unitId/transformation-plan`: the 转化 plan of a unit
 * graded in the lowest band — its responsible leader, its measures and its deadline.
 *
 * @example
 * TransformationPlanSchema.parse({ owner: '张书记', measure: '每月集中学习', deadline: '2026-06-30' })
 */
export const TransformationPlanSchema = z
  .object({
    owner: text(200).openapi({ description: '责任领导 / the responsible leader' }),
    measure: text(2000).openapi({ description: '转化措施 / the measures' }),
    deadline: IsoDateSchema,
    note: z.string().trim().max(4000).optional().openapi({ description: 'What is to change' }),
  })
  .strict()
  .openapi('TransformationPlan')

/**
 * `POST /api/campaigns/:id/results/units/:unitId/rectifications`: a rectification raised from one
 * deduction (or veto) of an assessor's scorecard; its reason becomes the problem's note.
 *
 * @example
 * DeductionRectificationSchema.parse({ responseId: 41, question: 'warning' })
 */
export const DeductionRectificationSchema = z
  .object({
    responseId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    question: text(200).openapi({ description: 'The deduction question of that scorecard' }),
    measure: text(2000).optional(),
    owner: text(200).optional(),
    deadline: IsoDateSchema.optional(),
  })
  .strict()
  .openapi('DeductionRectification')

/** The rectification a follow-up created. */
export const CreatedRectificationSchema = z.object({ id: z.number().int() })

export type TransformationPlanBody = z.input<typeof TransformationPlanSchema>
export type DeductionRectificationBody = z.input<typeof DeductionRectificationSchema>
