import type { schema } from '@yardstick/db'
import { type Answers, type FormJson, scoreResponse, validateResponse } from '@yardstick/sdk'
import { AppError } from '../http/errors'
import type { SelfCheckContext } from './context'

/** A `self_checks` row. */
export type SelfCheckRow = typeof schema.selfChecks.$inferSelect

/**
 * Checks a draft's answers: wrong types, unknown questions and values that are not choices are
 * refused (422 `invalidAnswers`); required questions not yet answered are allowed while
 * drafting and returned as the pending list.
 *
 * @example
 * draftCheck(form, { theoryStudy: 'no' }) // ['threeMeetingsOneLesson', …, 'theoryStudy_problem']
 */
export function draftCheck(form: FormJson, answers: Answers): string[] {
  const { errors } = validateResponse(form, answers)
  const wrong = errors.filter((e) => e.code !== 'required')
  if (wrong.length > 0) throw invalidAnswers(wrong)
  return [...new Set(errors.map((e) => e.question))]
}

/**
 * Checks that answers are a complete, valid response (what approval, announcement and submission
 * need): else 422 `invalidAnswers` whose `details.errors` name each question and, for an entry
 * inside one, its `item` (`{ question: 'partyDues_problem', item: 'deadline', code: 'required' }`).
 */
export function completeCheck(form: FormJson, answers: Answers): void {
  const { valid, errors } = validateResponse(form, answers)
  if (!valid) throw invalidAnswers(errors)
}

function invalidAnswers(errors: Array<{ question: string; message: string; item?: string }>) {
  const where = errors.map((e) => `${e.question}: ${e.message}`).join('; ')
  return new AppError('invalidAnswers', `The answers are not valid: ${where}`, { errors })
}

/**
 * A self-check as the API shows it: where it is in 草稿 → 审议通过 → 通报 → 上报, its answers,
 * the live score and problem list (`scoreResponse` on the answers as they stand), the required
 * questions still unanswered, and the form version it answers. Without a row (nobody has saved
 * it yet) it is the empty draft, with `id` and `updatedAt` null.
 */
export function selfCheckView(row: SelfCheckRow | null, context: SelfCheckContext) {
  const answers = (row?.answers ?? {}) as Answers
  const score = scoreResponse(context.form, answers)
  const pending = [
    ...new Set(
      validateResponse(context.form, answers)
        .errors.filter((e) => e.code === 'required')
        .map((e) => e.question),
    ),
  ]
  return {
    id: row?.id ?? null,
    campaignId: context.campaign.id,
    unitId: context.unit.id,
    unitName: context.unit.name,
    status: row?.status ?? 'draft',
    answers,
    approvedOn: row?.approvedOn ?? null,
    announcedAt: row?.announcedAt?.toISOString() ?? null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    responseId: row?.responseId ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    problems: score.problems,
    score,
    pending,
    formVersionId: context.formVersionId,
    form: context.form,
  }
}
