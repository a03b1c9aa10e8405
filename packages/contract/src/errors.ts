import { z } from '@hono/zod-openapi'
import { ERROR_CODES } from './error-codes'

/**
 * An error's `code` as a closed `z.enum` (the OpenAPI document lists every value).
 *
 * @example
 * ErrorCodeSchema.safeParse('notFound').success // true
 */
export const ErrorCodeSchema = z.enum(ERROR_CODES).openapi('ErrorCode', { example: 'notFound' })

/**
 * The JSON of every error response: `{ error: { code, message, details } }`. `message` is English
 * for logs and scripts; a client words the `code` in its reader's language.
 */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      details: z.unknown(),
    }),
  })
  .openapi('Error')
export type ErrorBody = z.infer<typeof ErrorBodySchema>

/**
 * One problem with a request, at a field path (`sources.1.weight`): zod's issue `code` and the
 * figures a client needs to say it in its reader's language (`minimum`, `maximum`, `expected`,
 * …), beside zod's English `message` for logs and scripts. An `invalidBody` error lists them in
 * `details.issues`.
 */
export const RequestIssueSchema = z
  .object({
    path: z.string(),
    code: z.string().openapi({
      description:
        'zod’s issue code (`too_small`, `invalid_type`, …); `custom` for the server’s own checks',
    }),
    message: z.string(),
    expected: z.string().optional(),
    received: z.string().optional().openapi({
      description: 'What was sent instead, when zod says (`undefined`: the field is missing)',
    }),
    origin: z.string().optional().openapi({
      description: 'What kind of value a size applies to: `string`, `number`, `array`, …',
    }),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    inclusive: z.boolean().optional(),
    format: z.string().optional(),
    values: z.array(z.string()).optional(),
    keys: z.array(z.string()).optional(),
    divisor: z.number().optional(),
  })
  .openapi('RequestIssue')
export type RequestIssue = z.infer<typeof RequestIssueSchema>
