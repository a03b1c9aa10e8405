import { chosenChoices, compileForm, valueKey } from './plan'
import type { Answers, FormJson, SatisfactionFigures } from './types'
import { visibilityFor } from './visibility'

/** Satisfaction figures of one question, with how often each choice was picked. */
export interface QuestionSatisfaction extends SatisfactionFigures {
  counts: Record<string, number>
}

/** What `summarizeSatisfaction` returns. */
export interface SatisfactionSummary {
  overall: SatisfactionFigures
  questions: Record<string, QuestionSatisfaction>
}

/**
 * Pools many responses into satisfaction rates (满意率 = satisfied votes / all votes, over every
 * visible answered satisfaction question) overall and per question, with choice counts.
 *
 * @param form the form JSON
 * @param answersList one answers object per respondent
 * @example
 * summarizeSatisfaction(templates.satisfaction, responses).overall.rate // 0.93
 */
export function summarizeSatisfaction(
  form: FormJson,
  answersList: Iterable<Answers>,
): SatisfactionSummary {
  const plan = compileForm(form)
  const asked = plan.questions.filter((q) => q.hasSatisfaction)
  const tallies = asked.map((q) => ({
    question: q,
    satisfied: 0,
    answered: 0,
    scoreSum: 0,
    counts: Object.fromEntries([...q.choices.keys()].map((key) => [key, 0])) as Record<
      string,
      number
    >,
  }))
  for (const answers of answersList) {
    const isVisible = visibilityFor(plan, answers, undefined)
    for (const tally of tallies) {
      if (!isVisible(tally.question)) continue
      const chosen = chosenChoices(tally.question, answers[tally.question.key])
      const first = chosen[0]
      if (!first) continue
      tally.answered++
      if (first.satisfied) tally.satisfied++
      tally.scoreSum += first.score ?? 0
      const key = valueKey(first.value)
      tally.counts[key] = (tally.counts[key] ?? 0) + 1
    }
  }
  const questions: Record<string, QuestionSatisfaction> = {}
  let satisfied = 0
  let answered = 0
  let scoreSum = 0
  for (const tally of tallies) {
    questions[tally.question.name] = {
      ...figures(tally.satisfied, tally.answered, tally.scoreSum),
      counts: tally.counts,
    }
    satisfied += tally.satisfied
    answered += tally.answered
    scoreSum += tally.scoreSum
  }
  return { overall: figures(satisfied, answered, scoreSum), questions }
}

/** Rate 0–1 and index (mean choice score) from pooled counts; 0 when nothing was answered. */
export function figures(
  satisfied: number,
  answered: number,
  scoreSum: number,
): SatisfactionFigures {
  return {
    satisfied,
    answered,
    rate: answered ? satisfied / answered : 0,
    index: answered ? scoreSum / answered : 0,
  }
}
