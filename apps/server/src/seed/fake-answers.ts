import { type Answers, compileForm, type FormJson, reasonKey } from '@yardstick/sdk'
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

/** A number in [0, 1) from a seeded generator: demo data is the same on every machine. */
export function chance(rng: RandomGenerator): number {
  return uniformFloat64(rng)
}

const PROBLEM_NOTES = [
  {
    description: '学习计划执行不到位，部分月份未开展集中学习',
    measure: '制定年度学习计划并按月督办',
  },
  { description: '会议记录不完整，缺少研究讨论情况', measure: '规范会议记录模板，由组织委员审核' },
  { description: '谈心谈话覆盖面不足', measure: '支部书记与每名党员每年至少谈心一次' },
  { description: '党员发挥作用的载体不多', measure: '设立党员先锋岗和责任区' },
]

const DEDUCTION_REASONS = [
  '年内被上级党组织通报批评一次',
  '党建重点任务未按期完成',
  '党费收缴台账未按月更新',
]

const SUGGESTIONS = [
  '希望多组织专题学习',
  '建议增加与业务结合的主题党日',
  '继续保持',
  '多听取一线党员意见',
]

/**
 * Plausible answers to any form for a branch of a given quality (0–1): higher quality picks
 * higher-scored and satisfied choices more often; every problem answer gets its follow-up entry,
 * every deduction its reason.
 * Used for the demo data; the seed validates every result with the SDK before storing it.
 */
export function fakeAnswers(form: FormJson, quality: number, rng: RandomGenerator): Answers {
  const plan = compileForm(form)
  const answers: Answers = {}
  const problems = new Set<string>()
  for (const question of plan.questions) {
    if (question.problemOf !== undefined) continue
    const choices = [...question.choices.values()]
    if (choices.length > 0) {
      const safe = choices.filter((c) => !c.veto)
      const pool = safe.length > 0 ? safe : choices
      const best = [...pool].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
      const r = chance(rng)
      const picked =
        r < quality
          ? best[0]
          : best[Math.min(best.length - 1, 1 + Math.floor(chance(rng) * (best.length - 1)))]
      if (!picked) continue
      answers[question.name] = question.type === 'checkbox' ? [picked.value] : picked.value
      if (picked.problem) problems.add(question.name)
    } else if (question.maxScore !== undefined && question.scoreKind === 'deduction') {
      // Weaker branches draw a deduction now and then, always with its reason.
      if (chance(rng) < (1 - quality) / 2) {
        answers[question.name] = Math.min(question.maxScore, 1 + Math.floor(chance(rng) * 3))
        answers[reasonKey(question.name)] =
          DEDUCTION_REASONS[Math.floor(chance(rng) * DEDUCTION_REASONS.length)]
      }
    } else if (question.maxScore !== undefined) {
      const max = question.maxScore
      const value =
        question.scoreKind === 'bonus'
          ? chance(rng) < quality - 0.5
            ? 1 + Math.floor(chance(rng) * max)
            : 0
          : Math.round(max * Math.min(1, Math.max(0, quality + (chance(rng) - 0.5) * 0.3)))
      answers[question.name] = Math.min(max, value)
    } else if (question.type === 'comment' && chance(rng) < 0.2) {
      answers[question.name] = SUGGESTIONS[Math.floor(chance(rng) * SUGGESTIONS.length)]
    }
  }
  for (const question of plan.questions) {
    if (question.problemOf === undefined || !problems.has(question.problemOf)) continue
    const note = PROBLEM_NOTES[Math.floor(chance(rng) * PROBLEM_NOTES.length)] ?? PROBLEM_NOTES[0]
    answers[question.name] = { ...note, owner: '支部书记', deadline: '2026-12-31' }
  }
  return answers
}
