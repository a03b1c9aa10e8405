import fc from 'fast-check'
import { problemEntry } from '../src/builders/problem-entry'
import type { ChoiceJson, DimensionJson, ElementJson, FormJson, PageJson } from '../src/types'

// Forms within the text format (see src/text/): every one reads back from its text unchanged.
// Names follow the text's order (q1, q2, …; dim1, …; page1, …), texts are one trimmed line
// without brackets, and a dimension heading holds to the end of its page.

const CHARS = [...'党支部学习满意度评价工作组织生活会议是否好一二三甲乙丙AbC']
const word = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 })
  .map((chars) => chars.join(''))
const paragraphLine = fc
  .array(fc.constantFrom(...CHARS, '<', '&', '>', '：'), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(''))
  .filter((line) => !/^[：:]/.test(line))
const score = fc.option(fc.integer({ min: -3, max: 10 }), { nil: undefined })

const choices = fc
  .uniqueArray(word, { minLength: 1, maxLength: 4 })
  .chain((texts) => fc.tuple(...texts.map((text) => score.map((s) => choiceOf(text, s)))))

function choiceOf(text: string, s: number | undefined): ChoiceJson | string {
  return s === undefined ? text : { value: text, score: s }
}
const choiceValue = (choice: ChoiceJson | string) =>
  typeof choice === 'string' ? choice : choice.value

type Draft = { element: Omit<ElementJson, 'name'>; followUp: boolean; answerable: boolean }

const draft: fc.Arbitrary<Draft> = fc.oneof(
  fc
    .tuple(fc.constantFrom('radiogroup', 'checkbox', 'dropdown', 'ranking'), choices)
    .map(([type, list]) => ({
      element: { type, choices: list },
      followUp: false,
      // A ranking's answer is an order, which `[答案：…]` does not write.
      answerable: type !== 'ranking',
    })),
  fc.tuple(word, word, score, score, fc.boolean()).map(([yes, no, ys, ns, followUp]) => ({
    element: {
      type: 'radiogroup',
      choices: [
        { value: 'yes', text: yes, ...(ys === undefined ? {} : { score: ys }) },
        { value: 'no', text: no, ...(ns === undefined ? {} : { score: ns }), problem: true },
      ],
    },
    followUp,
    answerable: true,
  })),
  fc.option(fc.tuple(word, word), { nil: undefined }).map((labels) => ({
    element: {
      type: 'boolean',
      ...(labels ? { labelTrue: labels[0], labelFalse: labels[1] } : {}),
    },
    followUp: false,
    answerable: true,
  })),
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 7 })).map(([min, span]) => ({
    element: { type: 'rating', rateMin: min, rateMax: min + span },
    followUp: false,
    answerable: true,
  })),
  fc
    .constantFrom('text', 'comment')
    .map((type) => ({ element: { type }, followUp: false, answerable: true })),
  fc.array(fc.option(word, { nil: undefined }), { minLength: 1, maxLength: 3 }).map((titles) => ({
    element: {
      type: 'multipletext',
      items: titles.map((title, i) => ({ name: `item${i + 1}`, ...(title ? { title } : {}) })),
    },
    followUp: false,
    answerable: false,
  })),
  fc
    .tuple(fc.uniqueArray(word, { minLength: 1, maxLength: 3 }), choices)
    .map(([rows, columns]) => ({
      element: { type: 'matrix', rows, columns },
      followUp: false,
      answerable: false,
    })),
  fc.array(paragraphLine, { minLength: 1, maxLength: 3 }).map((lines) => ({
    element: {
      type: 'html',
      html: lines
        .map(
          (l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`,
        )
        .join(''),
    },
    followUp: false,
    answerable: false,
  })),
)

const question = fc.record({
  draft,
  title: word,
  description: fc.option(word, { nil: undefined }),
  required: fc.boolean(),
  answerSeed: fc.nat(),
  answerText: word,
  points: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
})

/** An answer of a generated question, as `[答案：…]` can write it. */
function answerOf(element: Omit<ElementJson, 'name'>, seed: number, text: string): unknown {
  const list = (element.choices ?? []) as Array<ChoiceJson | string>
  switch (element.type) {
    case 'radiogroup':
    case 'dropdown':
      return choiceValue(list[seed % list.length] as ChoiceJson | string)
    case 'checkbox': {
      const picked = list.filter((_, i) => ((seed >> i) & 1) === 1 || i === seed % list.length)
      return picked.map(choiceValue)
    }
    case 'boolean':
      return seed % 2 === 0
    case 'rating':
      return (
        (element.rateMin as number) +
        (seed % ((element.rateMax as number) - (element.rateMin as number) + 1))
      )
    case 'text':
    case 'comment':
      return text
    default:
      return undefined
  }
}

/** A generated form within the text format, optionally a quiz with every choice answered. */
export const textForm: fc.Arbitrary<FormJson> = fc
  .record({
    title: fc.option(word, { nil: undefined }),
    description: fc.option(fc.array(word, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    quiz: fc.boolean(),
    pages: fc.array(
      fc.record({
        title: fc.option(word, { nil: undefined }),
        questions: fc.array(question, { minLength: 1, maxLength: 5 }),
        dimension: fc.option(
          fc.record({
            from: fc.nat(4),
            title: fc.constantFrom('政治', '组织', '作风'),
            weight: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
          }),
          { nil: undefined },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ title, description, quiz, pages }) => {
    let count = 0
    const dimensions: DimensionJson[] = []
    const built: PageJson[] = pages.map((page, p) => {
      const elements: ElementJson[] = []
      page.questions.forEach((q, i) => {
        const name = `q${++count}`
        const base = q.draft.element
        if (base.type === 'html') {
          elements.push({ ...base, name } as ElementJson)
          return
        }
        const element: ElementJson = { ...base, name, title: q.title } as ElementJson
        if (q.description !== undefined) element.description = q.description
        if (q.required) element.isRequired = true
        if (page.dimension && i >= page.dimension.from) {
          const { title: dimTitle, weight } = page.dimension
          let dim = dimensions.find((d) => d.title === dimTitle)
          if (!dim) {
            dim = {
              name: `dim${dimensions.length + 1}`,
              title: dimTitle,
              ...(weight === undefined ? {} : { weight }),
            }
            dimensions.push(dim)
          }
          element.dimension = dim.name
        }
        if (quiz && q.draft.answerable) {
          element.correctAnswer = answerOf(base, q.answerSeed, q.answerText)
          if (q.points !== undefined) element.points = q.points
        }
        elements.push(element)
        if (q.draft.followUp) elements.push(problemEntry(name))
      })
      return {
        name: `page${p + 1}`,
        ...(page.title === undefined ? {} : { title: page.title }),
        elements,
      }
    })
    const form: FormJson = {}
    if (title !== undefined) form.title = title
    // A description needs a title line above it.
    if (title !== undefined && description !== undefined) form.description = description.join('\n')
    if (quiz && built.some((page) => page.elements?.some((e) => e.correctAnswer !== undefined)))
      form.kind = 'quiz'
    // A weighted form counts every scored question toward a dimension (validateForm's
    // missingDimension): with one outside, the form carries no weights.
    const outside = built
      .flatMap((page) => page.elements ?? [])
      .some(
        (e) =>
          e.problemOf === undefined &&
          e.dimension === undefined &&
          (e.correctAnswer !== undefined ||
            (e.choices ?? []).some((c) => typeof c === 'object' && c.score !== undefined)),
      )
    if (outside) for (const d of dimensions) delete d.weight
    if (dimensions.length > 0) form.dimensions = dimensions
    form.pages = built
    return form
  })
