import { z } from '@hono/zod-openapi'
import { PageQuerySchema, pageSchema } from '../forms/pagination'

/** An element id of the form's Yjs document (`createId` in @yardstick/doc: 12 url-safe chars). */
const ELEMENT_ID = /^[0-9A-Za-z_-]{1,64}$/

const Body = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(2000, 'a comment is at most 2000 characters')
  .openapi({ example: '第 3 题的表述容易误解，建议改为“是否按期召开支委会”' })

export const CommentParams = z.object({
  id: z.string().openapi({ example: '1' }),
  commentId: z.string().openapi({ example: '7' }),
})

export const NewThreadBody = z.object({
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
  body: Body,
})

export const ReplyBody = z.object({ body: Body })

export const CommentListQuery = PageQuerySchema

const Person = z.object({ id: z.number(), name: z.string() })

export const ReplySchema = z
  .object({ id: z.number(), body: z.string(), author: Person, createdAt: z.string() })
  .openapi('CommentReply')

export const ThreadSchema = z
  .object({
    id: z.number(),
    elementId: z.string(),
    elementName: z.string(),
    body: z.string(),
    author: Person,
    createdAt: z.string(),
    updatedAt: z.string(),
    resolved: z.boolean(),
    resolvedAt: z.string().nullable(),
    resolvedBy: Person.nullable(),
    replies: z.array(ReplySchema),
  })
  .openapi('CommentThread')

export const ThreadListSchema = pageSchema(ThreadSchema).openapi('CommentThreadList')

export type Thread = z.infer<typeof ThreadSchema>
