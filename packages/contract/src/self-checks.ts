import { z } from '@hono/zod-openapi'
import {
  RECTIFICATION_ORIGINS,
  RECTIFICATION_STATUSES,
  SELF_CHECK_STATUSES,
} from '@yardstick/db/enums'
import { RowIdQuerySchema } from './ids'
import { PageQuerySchema, pageSchema } from './pagination'

/**
 * Whether `YYYY-MM-DD` names a day of the calendar.
 *
 * @example
 * isRealDate('2025-02-30') // false
 */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isRealDate, 'not a real calendar date')
  .openapi({ example: '2025-03-18' })

/**
 * How a rectification list is ordered: `unit` (by branch and problem, cursor paging) or `urgency`
 * (overdue first, then fixed awaiting acceptance, then the nearest deadline; offset paging).
 */
export const RECTIFICATION_SORTS = ['unit', 'urgency'] as const
export type RectificationSort = (typeof RECTIFICATION_SORTS)[number]

/** `:id` (campaign) and `:unitId` (branch) of a self-check. */
export const SelfCheckParamsSchema = z.object({
  id: z.string().openapi({ description: 'Campaign id', example: '3' }),
  unitId: z.string().openapi({ description: 'Branch (unit) id', example: '17' }),
})

/** `PUT …/self-checks/:unitId`: the draft's answers. */
export const AnswersBodySchema = z.object({
  answers: z
    .record(z.string(), z.unknown())
    .openapi({ description: 'Question name → answer, as SurveyJS survey.data' }),
})

/** `POST …/self-checks/:unitId/approve`: the committee's date. */
export const ApproveBodySchema = z.object({
  approvedOn: IsoDateSchema.openapi({
    description: '支委会审议通过的日期 / date of committee approval',
  }),
})

/** One problem (问题清单 entry) of a self-check, live from its answers. */
export const SelfCheckProblemSchema = z.object({
  question: z.string(),
  title: z.string(),
  answer: z.unknown(),
  note: z.string().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
})

/** A branch's self-check (`GET /api/campaigns/:id/self-checks/:unitId`). */
export const SelfCheckSchema = z
  .object({
    id: z
      .number()
      .nullable()
      .openapi({
        description:
          'null until the first save creates the self-check (reading writes nothing); the ' +
          'co-filled document is /collab/response/{id}',
      }),
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
    updatedAt: z.string().nullable().openapi({ description: 'null until the first save' }),
    problems: z
      .array(SelfCheckProblemSchema)
      .openapi({ description: '问题清单, live from scoreResponse' }),
    score: z.record(z.string(), z.unknown()).openapi({ description: 'The SDK ScoreResult, live' }),
    pending: z
      .array(z.string())
      .openapi({ description: 'Required questions not answered yet (allowed in draft only)' }),
    formVersionId: z.number(),
    form: z.record(z.string(), z.unknown()).openapi({ description: 'The form version answered' }),
  })
  .openapi('SelfCheck')

/** `:id` of a rectification. */
export const RectificationParamsSchema = z.object({ id: z.string().openapi({ example: '12' }) })

const STATUS_LIST = z
  .string()
  .optional()
  .transform((text) => (text ? text.split(',').map((s) => s.trim()) : undefined))
  .pipe(z.array(z.enum(RECTIFICATION_STATUSES)).optional())
  .openapi({
    type: 'string',
    description: `One or more of ${RECTIFICATION_STATUSES.join(', ')}, comma-separated`,
    example: 'open,returned',
  })

/** Filters of the campaign's list (`GET /api/campaigns/:id/rectifications`). */
export const RectificationListQuerySchema = PageQuerySchema.extend({
  unitId: RowIdQuerySchema.optional().openapi({ description: 'One branch' }),
  subtree: RowIdQuerySchema.optional().openapi({
    description: 'The branches under this organisation',
  }),
  status: STATUS_LIST,
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true: only the overdue ones' }),
  sort: z
    .enum(RECTIFICATION_SORTS)
    .default('unit')
    .openapi({
      description:
        'unit: by branch and problem (cursor paging); urgency: overdue first, then those waiting ' +
        'to be accepted (fixed), then the nearest deadline, accepted last (offset paging)',
    }),
})

/** Filters of every campaign's list (`GET /api/rectifications`). */
export const AllRectificationsQuerySchema = RectificationListQuerySchema.extend({
  campaignId: RowIdQuerySchema.optional(),
})

const ITEM_TEXT = 'must not be empty: a rectification keeps its measure, owner and deadline'
const optionalNote = z
  .string()
  .max(4000)
  .nullable()
  .optional()
  .transform((text) => (text === undefined ? undefined : text?.trim() || null))

/** `PATCH /api/rectifications/:id`: what the branch changes. */
export const RectificationPatchBodySchema = z
  .object({
    measure: z.string().trim().min(1, `measure ${ITEM_TEXT}`).max(2000).optional(),
    owner: z.string().trim().min(1, `owner ${ITEM_TEXT}`).max(200).optional(),
    deadline: IsoDateSchema.optional().openapi({ description: 'A new deadline (整改时限)' }),
    progress: optionalNote.openapi({ description: '整改进展 / what has been done; null clears' }),
    evidence: optionalNote.openapi({
      description: '佐证材料 / what shows it is done (needed to mark it fixed); null clears',
    }),
    status: z.enum(RECTIFICATION_STATUSES).optional().openapi({
      description: 'Moved as the transition table lets the branch: inProgress or fixed',
    }),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'change at least one of measure, owner, deadline, progress, evidence, status',
  })

/** 销号 or 退回, by the superior office; a return says why. */
export const RectificationReviewBodySchema = z
  .object({
    decision: z.enum(['accept', 'return']),
    note: z.string().trim().max(2000).optional().openapi({
      description: '退回理由 (required to return) or a note on accepting',
      example: '缺少整改会议记录，请补充后再报',
    }),
  })
  .refine((review) => review.decision === 'accept' || Boolean(review.note), {
    message: 'a returned rectification needs a reason (note)',
    path: ['note'],
  })

/** A rectification (整改) created from a submitted self-check's problem. */
export const RectificationSchema = z
  .object({
    id: z.number(),
    campaignId: z.number(),
    campaignName: z.string(),
    unitId: z.number(),
    unitName: z.string(),
    origin: z.enum(RECTIFICATION_ORIGINS).openapi({
      description:
        'selfCheck: a self-check problem; deduction: an assessor’s deduction; transformation: the 转化 plan of a lowest-graded unit',
    }),
    question: z.string(),
    title: z.string(),
    note: z.string().nullable().openapi({ description: '问题描述 / the problem as described' }),
    measure: z.string().nullable(),
    owner: z.string().nullable(),
    deadline: z.string().nullable(),
    status: z.enum(RECTIFICATION_STATUSES),
    progress: z.string().nullable().openapi({ description: '整改进展' }),
    evidence: z.string().nullable().openapi({ description: '佐证材料' }),
    reviewNote: z
      .string()
      .nullable()
      .openapi({ description: 'The superior’s reason for returning it, or its note on accepting' }),
    reviewedAt: z.string().nullable(),
    reviewer: z.object({ id: z.number(), name: z.string() }).nullable(),
    overdue: z
      .boolean()
      .openapi({ description: 'The deadline has passed and it is neither fixed nor accepted' }),
    can: z
      .object({ update: z.boolean(), review: z.boolean() })
      .openapi({ description: 'What you may do with it now' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Rectification')

/** `GET /api/rectifications` and `GET /api/campaigns/:id/rectifications`: a page and counts. */
export const RectificationListSchema = pageSchema(RectificationSchema)
  .extend({
    counts: z
      .object({
        byStatus: z.record(z.enum(RECTIFICATION_STATUSES), z.number()),
        overdue: z.number(),
      })
      .openapi({ description: 'Over the same scope, before the status and overdue filters' }),
  })
  .openapi('RectificationList')

/** `GET /api/self-checks`: one branch, or those of your secretary role. */
export const SelfCheckToDoQuerySchema = z.object({
  unitId: RowIdQuerySchema.optional().openapi({
    description: 'One branch; default: the branches of your secretary role',
  }),
})

/** `GET /api/self-checks`: the self-checks a branch has to do. */
export const SelfCheckToDoSchema = z
  .object({
    items: z.array(
      z.object({
        campaignId: z.number(),
        campaignName: z.string(),
        opensAt: z.string(),
        closesAt: z.string().openapi({ description: 'The deadline: the campaign closes' }),
        accepting: z
          .boolean()
          .openapi({ description: 'Open now: the self-check can be submitted' }),
        unitId: z.number(),
        unitName: z.string(),
        started: z.boolean().openapi({ description: 'The draft exists (opened at least once)' }),
        status: z.enum(SELF_CHECK_STATUSES),
        submittedAt: z.string().nullable(),
        updatedAt: z.string().nullable(),
        openRectifications: z.number().openapi({ description: 'Not yet accepted (销号)' }),
        overdueRectifications: z.number(),
      }),
    ),
  })
  .openapi('SelfCheckToDo')

export type SelfCheckProblem = z.infer<typeof SelfCheckProblemSchema>
export type SelfCheck = z.infer<typeof SelfCheckSchema>
export type AnswersBody = z.input<typeof AnswersBodySchema>
export type ApproveBody = z.input<typeof ApproveBodySchema>
export type RectificationListQuery = z.infer<typeof RectificationListQuerySchema>
export type AllRectificationsQuery = z.infer<typeof AllRectificationsQuerySchema>
export type RectificationPatchBody = z.input<typeof RectificationPatchBodySchema>
export type RectificationPatch = z.infer<typeof RectificationPatchBodySchema>
export type RectificationReviewBody = z.input<typeof RectificationReviewBodySchema>
export type Rectification = z.infer<typeof RectificationSchema>
export type RectificationList = z.infer<typeof RectificationListSchema>
/** One self-check a branch has to do. */
export type SelfCheckToDo = z.infer<typeof SelfCheckToDoSchema>['items'][number]
