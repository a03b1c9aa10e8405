import type { CommonProblemMeasure } from '@yardstick/contract'
import { compileForm, type FormJson, type ScoringPlan } from '@yardstick/sdk'

type PlannedQuestion = ScoringPlan['questions'][number]

/** One question of one form version that 共性问题 counts, with what SQL needs to count it. */
export interface ProblemQuestion {
  formVersionId: number
  name: string
  /** Where its answer is stored (`valueName`, else its name). */
  key: string
  measure: CommonProblemMeasure
  mode: 'single' | 'multiple' | 'number'
  /** The most it earns (the plan's `maximum`). */
  maximum: number
  /** A checkbox's `maxScore` cap, if any. */
  cap: number | null
  /** Points per choice, keyed by the choice value as the plan keys it (`valueKey`). */
  choices: Record<string, number>
  /** Whether a `visibleIf` or a bank may hide it: then only an answer shows it was visible. */
  conditional: boolean
  planned: PlannedQuestion
}

const SCORED_MODES = new Set(['single', 'multiple', 'number'])

/**
 * The questions of a form version that can go wrong for a unit, and how, from the SDK's compiled
 * plan: a question with a choice that opens a problem counts 否 (`problem`); any other scored
 * question counts lost points (`lostPoints`: earned < maximum) or, for a deduction item, points
 * taken off (`deducted`). Bonus items, satisfaction ratings (满意 / 基本满意 / 不满意: the
 * satisfaction rate's) and questions hidden for good never count.
 *
 * @example
 * problemQuestions(3, templates.selfCheck)[0] // { name: 'theoryStudy', measure: 'problem', … }
 */
export function problemQuestions(formVersionId: number, form: FormJson): ProblemQuestion[] {
  return compileForm(form).questions.flatMap((question) => {
    const measure = measureOf(question)
    if (!measure || question.alwaysHidden) return []
    const choices: Record<string, number> = {}
    for (const [key, choice] of question.choices) choices[key] = choice.score ?? 0
    return [
      {
        formVersionId,
        name: question.name,
        key: question.key,
        measure,
        mode: question.mode as ProblemQuestion['mode'],
        maximum: question.maximum,
        cap: question.maxScore ?? null,
        choices,
        conditional: question.conditions.length > 0 || question.banks.length > 0,
        planned: question,
      },
    ]
  })
}

function measureOf(question: PlannedQuestion): CommonProblemMeasure | undefined {
  if ([...question.choices.values()].some((choice) => choice.problem)) return 'problem'
  // A rating below 满意 is counted by the satisfaction rate (packages/sdk/src/satisfaction.ts),
  // not as a lost point: 共性问题 are 否 on 是否 items and points lost on scored items.
  if (question.hasSatisfaction || !SCORED_MODES.has(question.mode)) return undefined
  switch (question.scoreKind) {
    case 'normal':
      return question.maximum > 0 ? 'lostPoints' : undefined
    case 'deduction':
      return 'deducted'
    case 'bonus':
      return undefined
  }
}
