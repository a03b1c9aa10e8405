import type { PlannedQuestion, ScoringPlan } from './plan'
import type { Answers } from './types'

/**
 * Decides, for one response, which questions the respondent saw: `visibleIf` of the question
 * and its containers (each expression run once per response by survey-core, on the answers and
 * the form's `calculatedValues`), `visible: false`, and, with a draw, bank membership. Like
 * SurveyJS on completion it judges every question on the answers as submitted, in one pass.
 */
export function visibilityFor(
  plan: ScoringPlan,
  answers: Answers,
  drawn: Map<string, Set<string>> | undefined,
): (question: PlannedQuestion) => boolean {
  const values = plan.calculated.length ? withCalculatedValues(plan, answers) : answers
  const results: Array<boolean | undefined> = new Array(plan.conditions.length)
  const condition = (index: number): boolean => {
    let result = results[index]
    if (result === undefined) {
      result = plan.conditions[index]?.runValues(values) === true
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

/**
 * The answers with each calculated value computed as SurveyJS does (in order, each able to read
 * the ones before it), so a `visibleIf` on `{total}` sees what the respondent's survey saw.
 */
export function withCalculatedValues(plan: ScoringPlan, answers: Answers): Answers {
  const values: Answers = { ...answers }
  for (const { name, runner } of plan.calculated) values[name] = runner.runValues(values)
  return values
}
