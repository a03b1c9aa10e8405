import fc from 'fast-check'

type Json = Record<string, unknown>

const LOCALES = ['default', 'en', 'zh-cn', 'de', '$odd'] as const
const EXTRA_KEYS = ['$ref', 'x-note', 'validators', 'customWidget', 'meta', 'enableIf'] as const

/**
 * Any JSON value, without `__proto__` keys: Yjs's own encoding (lib0 `readAny`) cannot carry
 * them, see SPEC [DOC9].
 */
export const anyJson = (maxDepth: number): fc.Arbitrary<unknown> =>
  fc
    .jsonValue({ depthSize: 'small', maxDepth })
    .map((v) => JSON.parse(JSON.stringify(v), (k, x) => (k === '__proto__' ? undefined : x)))

/** Text people type: any well-formed Unicode, Chinese included. */
export const typed = fc.string({ unit: 'grapheme', maxLength: 12 })

/** A plain string or a locale object with locales in any order. */
export const localisable: fc.Arbitrary<unknown> = fc.oneof(
  typed,
  fc
    .uniqueArray(fc.constantFrom(...LOCALES), { maxLength: 4 })
    .chain((locales) =>
      fc
        .tuple(...locales.map(() => typed))
        .map((texts) => Object.fromEntries(locales.map((l, i) => [l, texts[i]]))),
    ),
)

/** An object with the required keys and some optional ones, in a random key order. */
export function objectOf(
  required: Readonly<Record<string, fc.Arbitrary<unknown>>>,
  optional: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<Json> {
  return fc
    .tuple(fc.subarray(Object.keys(optional)), fc.subarray(EXTRA_KEYS.slice()))
    .chain(([opt, extra]) => {
      const keys = [...Object.keys(required), ...opt, ...extra]
      const arbs = keys.map((k) => required[k] ?? optional[k] ?? anyJson(2))
      return fc
        .tuple(fc.shuffledSubarray(keys, { minLength: keys.length }), ...arbs)
        .map(([order, ...values]) => {
          const byKey = new Map(keys.map((k, i) => [k, values[i]]))
          return Object.fromEntries(order.map((k) => [k, byKey.get(k)]))
        })
    })
}

const name = fc.string({ minLength: 1, maxLength: 8 })

const choice: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 100 }),
  objectOf(
    { value: fc.oneof(fc.string({ maxLength: 6 }), fc.integer()) },
    {
      text: localisable,
      score: fc.integer({ min: -10, max: 10 }),
      satisfied: fc.boolean(),
      problem: fc.boolean(),
      veto: fc.boolean(),
      visibleIf: fc.constant("{q1} = 'yes'"),
      imageLink: fc.webUrl(),
    },
  ),
)

const choices = fc.array(choice, { maxLength: 4 })

const question: fc.Arbitrary<Json> = fc.oneof(
  objectOf(
    { type: fc.constantFrom('radiogroup', 'checkbox', 'dropdown', 'tagbox'), name },
    {
      title: localisable,
      description: localisable,
      choices,
      isRequired: fc.boolean(),
      dimension: name,
      maxScore: fc.nat(20),
      scoreKind: fc.constantFrom('normal', 'bonus', 'deduction'),
      problemOf: name,
      requiredErrorText: localisable,
      otherText: localisable,
      visibleIf: fc.constant('{q0} notempty'),
    },
  ),
  objectOf(
    { type: fc.constant('rating'), name },
    { title: localisable, rateValues: choices, minRateDescription: localisable },
  ),
  objectOf(
    { type: fc.constantFrom('text', 'comment'), name },
    {
      title: localisable,
      placeholder: localisable,
      rows: fc.nat(8),
      inputType: fc.constantFrom('number', 'date'),
      correctAnswer: anyJson(1),
      points: fc.nat(5),
    },
  ),
  objectOf(
    { type: fc.constant('matrix'), name },
    { title: localisable, rows: choices, columns: choices },
  ),
  objectOf(
    { type: fc.constant('matrixdropdown'), name },
    {
      rows: choices,
      columns: fc.array(
        objectOf({ name }, { title: localisable, cellType: fc.constant('dropdown'), choices }),
        { maxLength: 3 },
      ),
    },
  ),
  objectOf(
    { type: fc.constant('multipletext'), name },
    {
      items: fc.array(objectOf({ name }, { title: localisable, placeholder: localisable }), {
        maxLength: 3,
      }),
    },
  ),
  objectOf({ type: fc.constant('html'), name }, { html: localisable }),
  objectOf({ type: fc.constant('boolean'), name }, { labelTrue: localisable, title: fc.nat() }),
  // Shapes that are not slots: arrays of arrays, a non-array `elements`.
  objectOf({ type: fc.constant('odd'), name }, { choices: fc.constant([[1, 2], 'x']) }),
  objectOf({ type: fc.constant('odd2'), name }, { elements: fc.constant('none') }),
)

/** Questions, panels and dynamic panels, nested a few levels deep. */
export const element: fc.Arbitrary<Json> = fc.letrec<{ element: Json }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    question,
    objectOf(
      { type: fc.constant('panel'), name },
      {
        title: localisable,
        elements: fc.array(tie('element'), { maxLength: 3 }),
        drawCount: fc.nat(5),
      },
    ),
    objectOf(
      { type: fc.constant('paneldynamic'), name },
      { templateElements: fc.array(tie('element'), { maxLength: 2 }), panelAddText: localisable },
    ),
  ),
})).element

const page = objectOf(
  { elements: fc.array(element, { maxLength: 4 }) },
  {
    name,
    title: localisable,
    description: localisable,
    navigationTitle: localisable,
    visibleIf: fc.constant('{a} = 1'),
    drawCount: fc.nat(30),
  },
)

const surveyProps = {
  title: localisable,
  description: localisable,
  completedHtml: localisable,
  kind: fc.constantFrom('selfCheck', 'satisfaction', 'scorecard', 'quiz', 'generic'),
  bonusCap: fc.nat(10),
  dimensions: fc.array(objectOf({ name }, { title: localisable, weight: fc.nat(3) }), {
    maxLength: 3,
  }),
  locale: fc.constantFrom('zh-cn', 'en'),
}

/** SurveyJS forms: with `pages`, with top-level `elements`, with both or neither. */
export const surveyForm: fc.Arbitrary<Json> = fc.oneof(
  objectOf({ pages: fc.array(page, { maxLength: 4 }) }, surveyProps),
  objectOf({ elements: fc.array(element, { maxLength: 4 }) }, surveyProps),
  objectOf(
    {},
    {
      ...surveyProps,
      pages: fc.array(page, { maxLength: 2 }),
      elements: fc.array(element, { maxLength: 2 }),
    },
  ),
)

/**
 * A form and a variant of it: its elements pulled out and put back at random places (into
 * random containers), some titles changed, some elements dropped: what restoring an old
 * version of a form looks like.
 */
export const formAndVariant: fc.Arbitrary<[Json, Json]> = surveyForm.chain((form) =>
  fc
    .tuple(fc.constant(form), fc.array(fc.nat(1000), { minLength: 30, maxLength: 30 }))
    .map(([original, seeds]) => {
      const variant = structuredClone(original)
      let s = 0
      const next = () => seeds[s++ % seeds.length] ?? 0
      const containers: unknown[][] = []
      const loose: Json[] = []
      const collect = (list: unknown) => {
        if (!Array.isArray(list) || !list.every((x) => typeof x === 'object' && x !== null)) return
        containers.push(list)
        for (const node of list as Json[]) {
          collect(node.elements)
        }
      }
      collect(variant.elements)
      for (const page of Array.isArray(variant.pages) ? (variant.pages as Json[]) : []) {
        if (typeof page === 'object' && page !== null) collect(page.elements)
      }
      for (const list of containers) {
        for (let i = list.length - 1; i >= 0; i--) {
          if (next() % 3 === 0) loose.push(...(list.splice(i, 1) as Json[]))
        }
      }
      for (const node of loose) {
        if (next() % 5 === 0) continue
        if (next() % 4 === 0) node.title = `changed ${next()}`
        // Never into itself: only containers that are not inside the node.
        const inside = new Set<unknown>()
        const mark = (value: unknown) => {
          if (typeof value !== 'object' || value === null) return
          inside.add(value)
          for (const child of Object.values(value)) mark(child)
        }
        mark(node)
        const homes = containers.filter((list) => !inside.has(list))
        const home = homes[next() % Math.max(1, homes.length)]
        home?.splice(next() % (home.length + 1), 0, node)
      }
      return [original, variant]
    }),
)
