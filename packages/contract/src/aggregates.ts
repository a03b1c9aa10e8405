import { z } from '@hono/zod-openapi'

/** The running aggregate tables `verifyAggregates` compares with the responses. */
export const AGGREGATE_TABLES = [
  'unit_source_totals',
  'unit_dimension_totals',
  'unit_answer_totals',
] as const

const FiguresSchema = z.record(z.string(), z.unknown())

/** One running aggregate that differs from its recomputation from the responses. */
export const AggregateDifferenceSchema = z
  .object({
    table: z.enum(AGGREGATE_TABLES),
    key: FiguresSchema.openapi({
      description: 'The group: unit, source, form version, and dimension or question and answer',
    }),
    expected: FiguresSchema.nullable().openapi({
      description: 'As recomputed from the responses; null when the responses have no such group',
    }),
    actual: FiguresSchema.nullable().openapi({
      description: 'As kept; null when the group is missing',
    }),
  })
  .openapi('AggregateDifference')

/** `GET /api/campaigns/:id/aggregates/verify`. */
export const AggregateCheckSchema = z
  .object({
    campaignId: z.number().int(),
    compared: z.record(z.enum(AGGREGATE_TABLES), z.number().int()).openapi({
      description: 'Groups compared per table (kept and recomputed together)',
    }),
    differences: z.array(AggregateDifferenceSchema).openapi({
      description: 'Every difference, at most 100 listed; empty when the aggregates are exact',
    }),
    differenceCount: z.number().int(),
  })
  .openapi('AggregateCheck')

export type AggregateTable = (typeof AGGREGATE_TABLES)[number]
export type AggregateDifference = z.infer<typeof AggregateDifferenceSchema>
export type AggregateCheck = z.infer<typeof AggregateCheckSchema>
