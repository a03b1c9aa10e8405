import { z } from '@hono/zod-openapi'
import { PageQuerySchema, pageSchema } from './pagination'

/** An element id of the form's Yjs document (`createId` in @yardstick/doc: 12 url-safe chars). */
const ELEMENT_ID = /^[0-9A-Za-z_-]{1,64}$/

const CommentBodySchema = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(2000, 'a comment is at most 2000 characters')
  .openapi({ example: '第 3 题的表述容易误解，建议改为“是否按期召开支委会”' })

/** `:id` (form) and `:commentId` (thread) of a review thread. */
export const CommentParamsSchema = z.object({
  id: z.string().openapi({ example: '1' }),
  commentId: z.string().openapi({ example: '7' }),
})

/** `POST /api/forms/:id/comments`: a new thread on an element. */
export const NewThreadBodySchema = z.object({
  elementId: z
    .string()
    .regex(ELEMENT_ID, 'elementId is the element’s id in the form document')
    .openapi({
      description: 'The stable id of the page, panel or question in the form’s Yjs document',
      example: 'q7Xk2_a9B0cd',
    }),
  elementName: z.string().trim().min(1).max(200).openapi({
    description: 'The element’s name now; shown if the element is later deleted',
    example: 'theoryStudy',
  }),
  body: CommentBodySchema,
})

/** `POST /api/forms/:id/comments/:commentId/replies`. */
export const ReplyBodySchema = z.object({ body: CommentBodySchema })

/** `GET /api/forms/:id/comments`: the paging every list takes. */
export const CommentListQuerySchema = PageQuerySchema

/** Who wrote or resolved a comment. */
export const CommentPersonSchema = z.object({ id: z.number(), name: z.string() })

/** A reply in a review thread. */
export const ReplySchema = z
  .object({ id: z.number(), body: z.string(), author: CommentPersonSchema, createdAt: z.string() })
  .openapi('CommentReply')

/** A review thread (评审意见) on a form element, with all its replies. */
export const ThreadSchema = z
  .object({
    id: z.number(),
    elementId: z.string(),
    elementName: z.string(),
    body: z.string(),
    author: CommentPersonSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    resolved: z.boolean(),
    resolvedAt: z.string().nullable(),
    resolvedBy: CommentPersonSchema.nullable(),
    replies: z.array(ReplySchema),
  })
  .openapi('CommentThread')

/** `GET /api/forms/:id/comments`: one page of threads. */
export const ThreadListSchema = pageSchema(ThreadSchema).openapi('CommentThreadList')

export type NewThreadBody = z.input<typeof NewThreadBodySchema>
export type ReplyBody = z.input<typeof ReplyBodySchema>
export type CommentPerson = z.infer<typeof CommentPersonSchema>
export type CommentReply = z.infer<typeof ReplySchema>
export type Thread = z.infer<typeof ThreadSchema>
export type ThreadList = z.infer<typeof ThreadListSchema>
