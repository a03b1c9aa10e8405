import { drawQuestions } from '../src/draw'
import { choiceList, compileForm } from '../src/plan'
import type { Answers, FormJson } from '../src/types'

/**
 * Deterministic, complete responses for a form: every visible-by-default question answered
 * with a choice (or a number within maxScore), varied by respondent index.
 */
export function sampleResponses(
  form: FormJson,
  count: number,
  seedOf?: (i: number) => string,
): Answers[] {
  const plan = compileForm(form)
  return Array.from({ length: count }, (_, i) => {
    const drawn = seedOf ? new Set(drawQuestions(form, seedOf(i))) : undefined
    const answers: Answers = {}
    plan.questions.forEach((question, q) => {
      const { element } = question
      if (drawn && question.banks.length > 0 && !question.banks.every((b) => drawn.has(b.item)))
        return
      const choices = choiceList(element)
      const pick = (i * 7 + q * 3) % Math.max(1, choices.length)
      if (element.type === 'checkbox' || element.type === 'tagbox') {
        answers[question.name] = choices.filter((_, c) => c === pick || c === 0).map((c) => c.value)
      } else if (choices.length > 0) {
        answers[question.name] = choices[pick]?.value
      } else if (question.maxScore !== undefined) {
        answers[question.name] = (i + q) % (question.maxScore + 1)
      }
    })
    return answers
  })
}
