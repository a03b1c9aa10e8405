import { z } from '@hono/zod-openapi'
import { RECTIFICATION_STATUSES, SELF_CHECK_STATUSES } from '@yardstick/db'
import { PageQuerySchema, pageSchema } from '../forms/pagination'
import { IsoDate } from './dates'

export const SelfCheckParams = z.object({
  id: z.string().openapi({ description: 'Campaign id', example: '3' }),
  unitId: z.string().openapi({ description: 'Branch (unit) id', example: '17' }),
})

export const AnswersBody = z.object({
  answers: z
    .record(z.string(), z.unknown())
    .openapi({ description: 'Question name → answer, as SurveyJS survey.data' }),
})

export const ApproveBody = z.object({
  approvedOn: IsoDate.openapi({ description: '支委会审议通过的日期 / date of committee approval' }),
})

const Problem = z.object({
  question: z.string(),
  title: z.string(),
  answer: z.unknown(),
  note: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})

export const SelfCheckSchema = z
  .object({
    id: z.number(),
    campaignId: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    status: z.enum(SELF_CHECK_STATUSES),
    answers: z.record(z.string(), z.unknown()),
    approvedOn: z.string().nullable(),
    announcedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    responseId: z
      .number()
      .nullable()
      .openapi({ description: 'The stored response, once submitted' }),
    updatedAt: z.string(),
    problems: z.array(Problem).openapi({ description: '问题清单, live from scoreResponse' }),
    score: z.record(z.string(), z.unknown()).openapi({ description: 'The SDK ScoreResult, live' }),
    pending: z
      .array(z.string())
      .openapi({ description: 'Required questions not answered yet (allowed in draft only)' }),
    formVersionId: z.number(),
    form: z.record(z.string(), z.unknown()).openapi({ description: 'The form version answered' }),
  })
  .openapi('SelfCheck')

export const RectificationParams = z.object({ id: z.string().openapi({ example: '12' }) })

export const RectificationListQuery = PageQuerySchema.extend({
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(RECTIFICATION_STATUSES).optional(),
})

export const RectificationPatchBody = z
  .object({
    measure: z.string().max(2000).nullable().optional(),
    owner: z.string().max(200).nullable().optional(),
    deadline: IsoDate.nullable().optional(),
    status: z.enum(RECTIFICATION_STATUSES).optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'change at least one of measure, owner, deadline, status',
  })

export const RectificationSchema = z
  .object({
    id: z.number(),
    campaignId: z.number(),
    unitId: z.number(),
    unitName: z.string(),
    question: z.string(),
    title: z.string(),
    note: z.string().nullable().openapi({ description: '问题描述 / the problem as described' }),
    measure: z.string().nullable(),
    owner: z.string().nullable(),
    deadline: z.string().nullable(),
    status: z.enum(RECTIFICATION_STATUSES),
    overdue: z.boolean().openapi({ description: 'The deadline has passed and it is not fixed' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Rectification')

export const RectificationListSchema = pageSchema(RectificationSchema).openapi('RectificationList')
