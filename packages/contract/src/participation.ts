import { z } from '@hono/zod-openapi'
import { SELF_CHECK_STATUSES } from '@yardstick/db/enums'
import { UNIT_TYPES } from '@yardstick/sdk/domain'
import { OffsetQuerySchema } from './ids'
import { FilterQuerySchema } from './results'
import { SourceKeySchema } from './source-key'

/**
 * Where a source's expected count for a unit comes from:
 * - `selfCheck`: the branch's one self-check (自评);
 * - `tokens`: one per one-time token issued for the unit (each token is a member asked to answer);
 * - `minResponses`: the source's minimum responses (its rule for the unit to be graded);
 * - `one`: one response (a superior's scorecard without a minimum);
 * - `none`: no target (an open survey with neither tokens nor a minimum): any answer counts.
 */
export const EXPECTED_BASES = [
  'selfCheck',
  'tokens',
  'minResponses',
  'panel',
  'one',
  'none',
] as const
export type ExpectedBasis = (typeof EXPECTED_BASES)[number]

/** How far a unit is with a source: nothing yet, some but fewer than expected, or done. */
export const PARTICIPATION_STATUSES = ['none', 'partial', 'complete'] as const
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number]

const booleanText = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

/** The filters of the participation list and its exports. */
export const ParticipationFilterSchema = FilterQuerySchema.extend({
  source: SourceKeySchema.optional().openapi({
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
  offset: OffsetQuerySchema.default(0),
})

/** One branch's participation in one source. */
export const SourceParticipationSchema = z.object({
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

/** One branch's participation. */
export const UnitParticipationSchema = z.object({
  unitId: z.number().int(),
  name: z.string(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  sources: z.partialRecord(SourceKeySchema, SourceParticipationSchema),
  pending: z.array(SourceKeySchema),
})

/** The answer of `GET /campaigns/:id/participation`. */
export const ParticipationSchema = z
  .object({
    summary: z.array(
      z.object({
        source: SourceKeySchema,
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

export type ParticipationFilterQuery = z.infer<typeof ParticipationFilterSchema>
export type ParticipationQuery = z.infer<typeof ParticipationQuerySchema>
export type SourceParticipation = z.infer<typeof SourceParticipationSchema>
export type UnitParticipation = z.infer<typeof UnitParticipationSchema>
export type Participation = z.infer<typeof ParticipationSchema>
