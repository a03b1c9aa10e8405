import type { PlannedQuestion, ScoringPlan } from './plan'
import type { Answers } from './types'

/**
 * Decides, for one response, which questions the respondent saw: `visibleIf` of the question
 * and its containers (each expression run once per response by survey-core), `visible: false`,
 * and, with a draw, bank membership.
 */
export function visibilityFor(
  plan: ScoringPlan,
  answers: Answers,
  drawn: Map<string, Set<string>> | undefined,
): (question: PlannedQuestion) => boolean {
  const results: Array<boolean | undefined> = new Array(plan.conditions.length)
  const condition = (index: number): boolean => {
    let result = results[index]
    if (result === undefined) {
      result = plan.conditions[index]?.runValues(answers) === true
      results[index] = result
    }
    return result
  }
  return (question) => {
    if (question.alwaysHidden) return false
    if (drawn && question.banks.some((b) => !drawn.get(b.id)?.has(b.item))) return false
    return question.conditions.every(condition)
  }
}
