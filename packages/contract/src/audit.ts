import { z } from '@hono/zod-openapi'
import { OffsetQuerySchema, RowIdQuerySchema } from './ids'
import { pageSchema } from './pagination'

/**
 * `GET /api/audit` and `GET /api/audit.csv`: which entries, newest first. `entity` and `action`
 * match exactly (`org`, `org.move`); `from`/`to` bound `at` (from inclusive, to exclusive);
 * `subtree` keeps entries of one organisation's subtree.
 */
export const AuditQuerySchema = z.object({
  entity: z.string().min(1).max(64).optional().openapi({ example: 'org' }),
  action: z.string().min(1).max(64).optional().openapi({ example: 'org.move' }),
  actorId: RowIdQuerySchema.optional(),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .openapi({ example: '2025-01-01T00:00:00+08:00' }),
  to: z.iso.datetime({ offset: true }).optional(),
  subtree: RowIdQuerySchema.optional().openapi({
    description: 'An organisation id: entries recorded within its subtree',
  }),
})
export type AuditQuery = z.infer<typeof AuditQuerySchema>

/** The filters and offset paging of `GET /api/audit` (`limit` 1–100, default 20). */
export const AuditListQuerySchema = AuditQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  offset: OffsetQuerySchema.default(0),
})
export type AuditListQuery = z.output<typeof AuditListQuerySchema>

/** One recorded change: who, when, what, and the entity before and after. */
export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    actorId: z.number().int().nullable().openapi({ description: 'null: the system' }),
    actorName: z.string().nullable(),
    action: z.string().openapi({ example: 'org.move', description: '`entity.verb`' }),
    entity: z.string().openapi({ example: 'org' }),
    entityId: z.string(),
    orgPath: z.string().nullable().openapi({
      description: 'Where in the tree the change was made (its path at that time)',
      example: '/1/4/17/',
    }),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .openapi('AuditEntry')
export type AuditEntry = z.infer<typeof AuditEntrySchema>

/** A page of the audit log, newest first. */
export const AuditPageSchema = pageSchema(AuditEntrySchema).openapi('AuditPage')
export type AuditPage = z.infer<typeof AuditPageSchema>
