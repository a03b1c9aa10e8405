import type { SurveyJson } from '../src/layout'

/**
 * A realistic large form: `questions` questions on pages of 50, cycling through a scored
 * single choice (four localised choices), a numeric point entry and a rating, all with zh-CN
 * and English titles.
 */
export function largeForm(questions: number): SurveyJson {
  const pages: { elements: unknown[]; [key: string]: unknown }[] = []
  let elements: unknown[] = []
  for (let q = 0; q < questions; q++) {
    if (q % 50 === 0) {
      elements = []
      pages.push({
        name: `page${pages.length + 1}`,
        title: { default: `第${pages.length + 1}部分` },
        elements,
      })
    }
    const title = {
      default: `第${q + 1}题：是否按规定开展组织生活`,
      en: `Question ${q + 1}: are meetings held as required?`,
    }
    const base = { name: `q${q + 1}`, title, isRequired: true, dimension: `d${q % 5}` }
    const element =
      q % 3 === 0
        ? {
            type: 'radiogroup',
            ...base,
            choices: ['满意', '基本满意', '不满意', '不了解'].map((text, i) => ({
              value: i,
              text: { default: text, en: `Choice ${i}` },
              score: 3 - i,
              satisfied: i < 2,
            })),
          }
        : q % 3 === 1
          ? { type: 'text', ...base, inputType: 'number', min: 0, max: 10, maxScore: 10 }
          : { type: 'rating', ...base, rateValues: [1, 2, 3, 4, 5] }
    elements.push(element)
  }
  return { title: { default: '大表单', en: 'Large form' }, kind: 'scorecard', pages }
}
