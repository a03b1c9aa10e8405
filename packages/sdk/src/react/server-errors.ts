import type { SurveyModel } from 'survey-core'
import type { LinkAnswerError, LinkError } from '../link/types'

/**
 * Puts the server's `invalidAnswers` errors under their questions (as SurveyJS shows its own
 * checks) and focuses the first; returns the ones no visible question can show, for a summary.
 *
 * @example
 * const rest = showServerErrors(model, error) // [] when every error found its question
 */
export function showServerErrors(model: SurveyModel, error: LinkError): LinkAnswerError[] {
  const errors = answerErrorsOf(error)
  const unplaced: LinkAnswerError[] = []
  let first: string | undefined
  for (const item of errors) {
    const question = model.getQuestionByName(item.question)
    if (!question?.isVisible) {
      unplaced.push(item)
      continue
    }
    question.addError(item.message)
    first ??= item.question
  }
  if (first !== undefined) model.focusQuestion(first)
  return unplaced
}

function answerErrorsOf(error: LinkError): LinkAnswerError[] {
  const list = (error.details as { errors?: unknown } | null)?.errors
  if (!Array.isArray(list)) return []
  return list.filter(
    (e): e is LinkAnswerError =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.question === 'string' &&
      typeof e.message === 'string',
  )
}
