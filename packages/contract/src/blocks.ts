import { z } from '@hono/zod-openapi'
import { RowIdQuerySchema, RowIdSchema } from './ids'

/** The most elements one block holds: a question or panel and its follow-ups (问题清单). */
export const BLOCK_MAX_ELEMENTS = 20
/** The longest block name. */
export const BLOCK_NAME_MAX = 100

/** One element of a block: a SurveyJS question or panel object, checked by the SDK when saved. */
const BlockElementSchema = z
  .record(z.string(), z.unknown())
  .openapi('BlockElement', { description: 'A SurveyJS question or panel with its extensions' })

/** `:id` of a block. */
export const BlockParamsSchema = z.object({ id: z.string().openapi({ example: '1' }) })

/** `GET /api/blocks`: the blocks of one office, or of every office your roles reach. */
export const BlockListQuerySchema = z.object({
  orgId: RowIdQuerySchema.optional().openapi({
    description: 'Only this office’s blocks; default: every office you reach',
  }),
})

/** `POST /api/blocks`: save a question or panel (with its follow-ups) as a block. */
export const NewBlockBodySchema = z.object({
  name: z.string().trim().min(1).max(BLOCK_NAME_MAX).openapi({ example: '是否按时足额交纳党费' }),
  elements: z
    .array(BlockElementSchema)
    .min(1)
    .max(BLOCK_MAX_ELEMENTS)
    .openapi({
      description:
        'The question or panel first, then its follow-ups (a 是否 item’s 问题清单); validated as a ' +
        'form with `validateForm` (422 invalidForm with details.errors)',
    }),
  orgId: RowIdSchema.optional().openapi({
    description: 'Owning office; default: the org of your editor/admin grant',
  }),
})

/** A saved block. */
export const BlockSchema = z
  .object({
    id: z.number(),
    orgId: z.number(),
    name: z.string(),
    elements: z.array(BlockElementSchema),
    createdBy: z.object({ id: z.number(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('Block')

/** `GET /api/blocks`: newest first. */
export const BlockListSchema = z.object({ items: z.array(BlockSchema) }).openapi('BlockList')

export type BlockListQuery = z.input<typeof BlockListQuerySchema>
export type NewBlockBody = z.input<typeof NewBlockBodySchema>
export type Block = z.infer<typeof BlockSchema>
export type BlockList = z.infer<typeof BlockListSchema>
