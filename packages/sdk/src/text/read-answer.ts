import type { ChoiceJson, ElementJson } from '../types'

const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', 'A', 'a', 'true'])
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', 'B', 'b', 'false'])

function choiceValue(choice: ChoiceJson | string | number): unknown {
  return typeof choice === 'object' ? choice.value : choice
}

function choiceText(choice: ChoiceJson | string | number): string {
  if (typeof choice !== 'object') return String(choice)
  return typeof choice.text === 'string' ? choice.text : String(choice.value)
}

/**
 * The `correctAnswer` a `[答案：…]` mark gives a question: option letters (`A、B`) or option
 * texts for choices, 对/错 for a 判断题, a number for a scale, the text itself for a fill-in;
 * undefined when the mark names nothing of the question.
 */
export function readAnswer(element: ElementJson, answer: string): unknown {
  const choices = element.choices ?? []
  const pick = (part: string): unknown => {
    const letter = /^[A-Za-z]$/.test(part) ? part.toUpperCase().charCodeAt(0) - 65 : -1
    const byLetter = choices[letter]
    if (byLetter !== undefined) return choiceValue(byLetter)
    const byText = choices.find((choice) => choiceText(choice) === part)
    return byText === undefined ? undefined : choiceValue(byText)
  }
  switch (element.type) {
    case 'radiogroup':
    case 'dropdown':
      return pick(answer.trim())
    case 'checkbox': {
      const parts = answer.split(/[、,，\s]+/).filter((p) => p !== '')
      const values = parts.map(pick)
      if (values.length === 0 || values.some((v) => v === undefined)) return undefined
      // In option order, whatever order the mark lists them in.
      return choices.map(choiceValue).filter((v) => values.includes(v))
    }
    case 'boolean':
      if (TRUE_WORDS.has(answer)) return true
      if (FALSE_WORDS.has(answer)) return false
      return undefined
    case 'rating': {
      const n = Number(answer)
      const min = Number(element.rateMin ?? 1)
      const max = Number(element.rateMax ?? 5)
      return Number.isInteger(n) && answer !== '' && n >= min && n <= max ? n : undefined
    }
    case 'text':
    case 'comment':
      return answer === '' ? undefined : answer
    default:
      return undefined
  }
}
