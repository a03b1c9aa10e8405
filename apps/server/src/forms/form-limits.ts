import { formLimitIssue, formLimitMessage } from '@yardstick/sdk'
import { AppError } from '../http/errors'

/**
 * Refuses a form JSON over the SDK's `FORM_LIMITS` with 422 `formTooDeep` / `formTooLarge`
 * (details: the `FormLimitIssue`: `path`, `limit`, `measure`). Linear and iterative, so it runs
 * on the request's thread before anything recursive or SurveyJS sees the JSON: every path a
 * form's JSON enters by (create, save, publish) calls it first.
 *
 * @example
 * assertFormWithinLimits(body.json) // throws AppError('formTooDeep') for 320 nested panels
 */
export function assertFormWithinLimits(json: unknown): void {
  const issue = formLimitIssue(json)
  if (issue) throw new AppError(issue.code, formLimitMessage(issue, 'en'), issue)
}
