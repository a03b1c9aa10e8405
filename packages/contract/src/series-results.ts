import { z } from '@hono/zod-openapi'
import { UNIT_TYPES } from '@yardstick/sdk/domain'
import { OffsetQuerySchema } from './ids'
import { FilterQuerySchema } from './results'
import { GradeChangeSchema, SeriesPeriodSchema, SeriesRowSchema } from './series'

/** Query of `GET /campaigns/:id/results/series`: the filters and the page of units. */
export const SeriesQuerySchema = FilterQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: OffsetQuerySchema.default(0),
})

/** The body of `GET /campaigns/:id/results/series`. */
export const SeriesSchema = z
  .object({
    periods: z.array(SeriesPeriodSchema).openapi({
      description: 'The series up to this campaign, oldest first (at most 24)',
    }),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    units: z.array(
      z.object({
        unitId: z.number().int(),
        name: z.string(),
        unitType: z.enum(UNIT_TYPES).nullable(),
        rows: z.array(SeriesRowSchema).openapi({ description: 'One per period, as `periods`' }),
        change: GradeChangeSchema,
      }),
    ),
  })
  .openapi('ResultsSeries')

export type SeriesQuery = z.infer<typeof SeriesQuerySchema>
export type ResultsSeries = z.infer<typeof SeriesSchema>
