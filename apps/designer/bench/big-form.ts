import type { FormJson } from '@yardstick/sdk'

/** The number of questions in the benchmark's form. */
export const QUESTIONS = 500
const PER_PAGE = 50
const DIMENSIONS = ['organisation', 'education', 'conduct', 'service', 'innovation']
const TYPES = ['radiogroup', 'checkbox', 'rating', 'text', 'comment'] as const

const scoredChoices = (n: number) =>
  Array.from({ length: 4 }, (_, i) => ({
    value: `q${n}c${i}`,
    text: { default: `选项 ${i + 1}`, en: `Option ${i + 1}` },
    score: 3 - i,
  }))

/**
 * A scorecard of `QUESTIONS` questions on pages of 50, every question with a zh-CN/English
 * title, the choice questions scored and counted toward one of five dimensions: the size the
 * offices' largest question banks reach, with what each question carries in real forms.
 */
export function bigForm(title: string): FormJson {
  const pages = Array.from({ length: QUESTIONS / PER_PAGE }, (_, p) => ({
    name: `page${p + 1}`,
    title: { default: `第 ${p + 1} 部分`, en: `Part ${p + 1}` },
    elements: Array.from({ length: PER_PAGE }, (_, i) => {
      const n = p * PER_PAGE + i + 1
      const type = TYPES[n % TYPES.length] as (typeof TYPES)[number]
      const question: Record<string, unknown> = {
        type,
        name: `q${n}`,
        title: {
          default: `第 ${n} 题：支部是否按时开展组织生活`,
          en: `Question ${n}: meetings held on time`,
        },
      }
      if (type === 'radiogroup' || type === 'checkbox') {
        question.choices = scoredChoices(n)
        question.dimension = DIMENSIONS[n % DIMENSIONS.length]
      }
      if (type === 'rating') question.rateMax = 5
      return question
    }),
  }))
  return {
    title,
    kind: 'scorecard',
    dimensions: DIMENSIONS.map((name, i) => ({
      name,
      title: { default: `维度 ${i + 1}`, en: `Dimension ${i + 1}` },
      weight: 20,
    })),
    pages,
  } as unknown as FormJson
}
