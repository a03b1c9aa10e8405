import { z } from '@hono/zod-openapi'
import { CAMPAIGN_STATUSES } from '@yardstick/db/enums'
import { CADENCES } from '@yardstick/sdk/domain'

/** The most periods a series answers: this campaign and up to 23 before it (two years monthly). */
export const SERIES_MAX_PERIODS = 24

/**
 * How a unit's grade moved since the previous period, by the order of the bands: 晋级 (`up`, a
 * higher band), 降级 (`down`), 持平 (`same`).
 */
export const GRADE_CHANGES = ['up', 'down', 'same'] as const
export type GradeChangeKind = (typeof GRADE_CHANGES)[number]

/** One period of a series (a campaign), oldest first. */
export const SeriesPeriodSchema = z.object({
  campaignId: z.number().int(),
  name: z.string(),
  cadence: z.enum(CADENCES),
  opensAt: z.string(),
  closesAt: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
})

/** A unit's result in one period; null where that period did not assess it. */
export const SeriesRowSchema = z
  .object({
    composite: z.number().nullable(),
    grade: z.string().nullable(),
    stars: z.number().int().nullable(),
    rank: z.number().int().nullable(),
    vetoed: z.boolean(),
  })
  .nullable()

/** The unit's change from the previous period to this one. */
export const GradeChangeSchema = z
  .object({
    previousGrade: z.string().nullable(),
    previousStars: z.number().int().nullable(),
    change: z
      .enum(GRADE_CHANGES)
      .nullable()
      .openapi({ description: '晋级 up / 降级 down / 持平 same; null when a period is ungraded' }),
    starsDelta: z.number().int().nullable().openapi({ description: 'Stars now − stars before' }),
  })
  .nullable()
  .openapi({ description: 'null when there is no previous period' })

/** One unit across a series: its row per period (as `periods`) and its change. */
export const UnitSeriesSchema = z.object({
  periods: z.array(SeriesPeriodSchema),
  rows: z.array(SeriesRowSchema),
  change: GradeChangeSchema,
})

export type SeriesPeriod = z.infer<typeof SeriesPeriodSchema>
export type SeriesRow = z.infer<typeof SeriesRowSchema>
export type GradeChange = z.infer<typeof GradeChangeSchema>
export type UnitSeries = z.infer<typeof UnitSeriesSchema>
