import { z } from '@hono/zod-openapi'
import { SELF_CHECK_STATUSES, SOURCE_KEYS, UNIT_TYPES } from '@yardstick/db'
import { FilterQuerySchema } from '../results/filters'
import { EXPECTED_BASES, PARTICIPATION_STATUSES } from './expected'

const booleanText = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** The filters of the participation list and its exports. */
export const ParticipationFilterSchema = FilterQuerySchema.extend({
  source: z.enum(SOURCE_KEYS).optional().openapi({
    description: 'Only this source (with `pending`: units that still owe it)',
  }),
  q: z.string().trim().max(100).optional().openapi({
    description: 'Only branches whose name contains this text',
  }),
  pending: booleanText.optional().openapi({
    description: '`true`: only units (export: rows) still owing a response',
    example: 'true',
  }),
})

/** `GET /campaigns/:id/participation`: the filters and a page of units. */
export const ParticipationQuerySchema = ParticipationFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({
    description: 'Units per page (1–1,000, default 100)',
  }),
  offset: z.coerce.number().int().min(0).default(0),
})

const SourceParticipationSchema = z.object({
  answered: z.number().int(),
  expected: z.number().int().nullable().openapi({ description: 'null: no target' }),
  basis: z.enum(EXPECTED_BASES).openapi({
    description:
      'Where `expected` comes from: `selfCheck` (one self-check per branch), `tokens` (one per ' +
      'token issued), `minResponses` (the source’s minimum), `one` (one superior scorecard), ' +
      '`none` (no target: any answer completes it)',
  }),
  status: z.enum(PARTICIPATION_STATUSES),
  tokensIssued: z.number().int(),
  tokensUsed: z.number().int(),
  selfCheck: z.enum(SELF_CHECK_STATUSES).nullable().optional(),
  url: z.string().openapi({
    description: 'What to paste in a reminder: the respondent page, or the self-check page',
  }),
})

const UnitParticipationSchema = z.object({
  unitId: z.number().int(),
  name: z.string(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  sources: z.partialRecord(z.enum(SOURCE_KEYS), SourceParticipationSchema),
  pending: z.array(z.enum(SOURCE_KEYS)),
})

/** The answer of `GET /campaigns/:id/participation`. */
export const ParticipationSchema = z
  .object({
    summary: z.array(
      z.object({
        source: z.enum(SOURCE_KEYS),
        units: z.number().int(),
        complete: z.number().int(),
        partial: z.number().int(),
        none: z.number().int(),
        answered: z.number().int(),
        expected: z.number().int(),
      }),
    ),
    items: z.array(UnitParticipationSchema),
    total: z.number().int(),
    nextOffset: z.number().int().nullable(),
  })
  .openapi('Participation')
