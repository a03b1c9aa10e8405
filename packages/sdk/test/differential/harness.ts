import { Helpers, Model, type Question } from 'survey-core'
import { isEmpty } from '../../src/answer'
import '../../src/extensions'
import { quizReview } from '../../src/quiz-review'
import { scoreResponse } from '../../src/score'
import type { Answers, ChoiceJson, ElementJson, FormJson, ScoreResult } from '../../src/types'
import { visibleAnswers } from '../../src/visible-answers'
import { scoreWithModelInstance } from '../model-reference'
import { answersFor } from './answers'
import type { CorpusForm } from './corpus'

/** What is compared with survey-core: the stored answers, each quiz grade, the whole score. */
export const CATEGORIES = ['visibleAnswers', 'quizGrade', 'score', 'modelCannotLoad'] as const
export type Category = (typeof CATEGORIES)[number]

/** One place where the SDK and a survey-core `Model` disagree on a corpus form and response. */
export interface Disagreement {
  category: Category
  form: string
  source: string
  seed: number
  /** The answer key or question name the two disagree on (`*` for a whole score). */
  at: string
  sdk: unknown
  model: unknown
  /** The named deliberate difference (`DELIBERATE` below) that accounts for it, if any. */
  rule?: DeliberateRule
}

/**
 * Where Yardstick deliberately differs from SurveyJS (the SDK README's "Where Yardstick differs
 * from SurveyJS" states each). A disagreement counts as explained only when the Model, given the
 * response with that rule applied, agrees with the SDK exactly.
 */
export const DELIBERATE = {
  /** A value repeated in a checkbox/tagbox answer counts once (SurveyJS counts each copy). */
  duplicateChoicesCountOnce: 'duplicateChoicesCountOnce',
  /**
   * `visibleAnswers` drops only what visibility drops: the answer to a visible question (and its
   * `-Comment`) is kept as sent, where SurveyJS's completion also clears values it finds
   * incorrect (a value outside the choices, an "other" comment without "other", an expression's
   * stale value). `validateResponse` judges those values; a reason comment must survive.
   */
  visibleQuestionsKeptAsSent: 'visibleQuestionsKeptAsSent',
  /**
   * The answers are judged as sent. SurveyJS's Model first rewrites some values it is given (it
   * completes a partial ranking with the unranked choices, drops values of hidden choices, fills
   * bound dynamic panels and expression cells) and judges those; a SurveyJS client submits what
   * its Model made, so only responses SurveyJS never produces differ. Checked by running the SDK
   * on the Model's values: it must then agree.
   */
  valuesTakenAsSent: 'valuesTakenAsSent',
  /**
   * SurveyJS triggers (`visible`, `setvalue`, `copyvalue`, `runexpression`, `complete`, `skip`)
   * are not run: only `visibleIf` decides what was shown. Checked on the form without triggers.
   */
  triggersNotRun: 'triggersNotRun',
  /**
   * Choice-level conditions (a choice's `visibleIf`/`enableIf`, `choicesVisibleIf`,
   * `choicesEnableIf`, `hideIfChoicesEmpty`) are not run: every declared choice counts. Checked
   * on the form without them.
   */
  choiceConditionsNotRun: 'choiceConditionsNotRun',
  /**
   * Forms whose expressions read the Model's own state (`{$survey.locale}`,
   * `{$q1.containsErrors}`, `{q-unwrapped}`), or with two questions whose names differ only in
   * case (SurveyJS looks names up case-insensitively): the SDK, without a Model, does not follow
   * these. Every disagreement on such a form is listed under this rule.
   */
  modelStateOrDuplicateNames: 'modelStateOrDuplicateNames',
  /** A dynamic panel is not graded or scored as one question (docs/DESIGN.md: the SDK reads top-level answers). */
  dynamicPanelsNotGraded: 'dynamicPanelsNotGraded',
} as const
export type DeliberateRule = keyof typeof DELIBERATE

const SCORED_SELECT = new Set([
  'radiogroup',
  'dropdown',
  'checkbox',
  'tagbox',
  'imagepicker',
  'buttongroup',
])

/**
 * The form with Yardstick's scoring extensions added, so `scoreResponse` has something to score on
 * a plain SurveyJS form: choice scores 0–3 (the first satisfied, the second a problem), rate
 * values likewise, and `maxScore: 10` on number entries. Visibility and quiz are untouched.
 */
export function withScores(json: FormJson): FormJson {
  const form = structuredClone(json)
  const visit = (elements: unknown): void => {
    if (!Array.isArray(elements)) return
    for (const element of elements as ElementJson[]) {
      if (!element || typeof element !== 'object') continue
      const key = element.type === 'rating' ? 'rateValues' : 'choices'
      if (
        (SCORED_SELECT.has(element.type) || element.type === 'rating') &&
        Array.isArray(element[key])
      ) {
        element[key] = (element[key] as unknown[]).map(
          (c, i): ChoiceJson => ({
            ...(c !== null && typeof c === 'object' ? (c as ChoiceJson) : { value: c }),
            score: i % 4,
            ...(i === 0 ? { satisfied: true } : {}),
            ...(i === 1 ? { problem: true } : {}),
          }),
        )
      }
      if (element.type === 'text' && element.inputType === 'number') element.maxScore = 10
      visit(element.elements)
    }
  }
  for (const page of Array.isArray(form.pages) ? form.pages : []) visit(page?.elements)
  visit(form.elements)
  return form
}

/** The response with the deliberate rules applied: what the Model must then agree with. */
function withRules(model: Model, answers: Answers): { answers: Answers; rules: DeliberateRule[] } {
  const out: Answers = { ...answers }
  const rules = new Set<DeliberateRule>()
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    const key = question.getValueName()
    const value = out[key]
    if (!isMultiSelect(question) || !Array.isArray(value)) continue
    const unique = value.filter(
      (v, i) => value.findIndex((w) => Helpers.isTwoValueEquals(v, w)) === i,
    )
    if (unique.length !== value.length) {
      out[key] = unique
      rules.add('duplicateChoicesCountOnce')
    }
  }
  return { answers: out, rules: [...rules] }
}

function isMultiSelect(question: Question): boolean {
  const type = question.getType()
  if (type === 'checkbox' || type === 'tagbox') return true
  return type === 'imagepicker' && (question as unknown as { multiSelect: boolean }).multiSelect
}

/** What a Model says about one response: its quiz grades, score and answers kept on completion. */
interface ModelView {
  /** The answers as the Model holds them after loading them (before completion). */
  loaded: Answers
  /** Dynamic panels SurveyJS grades as quiz questions. */
  dynamicPanels: Set<string>
  /** Value keys of the questions visible before completion. */
  visibleKeys: Set<string>
  /** Value keys of dynamic matrices and panels (SurveyJS fills their rows on completion). */
  dynamicKeys: Set<string>
  quiz: Map<string, boolean>
  score: ReturnType<typeof comparable>
  kept: Answers
}

function viewOf(model: Model, form: FormJson, answers: Answers): ModelView {
  model.clear(true, true)
  const score = comparable(scoreWithModelInstance(model, form, answers))
  const quiz = new Map<string, boolean>()
  const visibleKeys = new Set<string>()
  const dynamicKeys = new Set<string>()
  // What the Model made of the answers: its data, with each question's own (converted) value.
  const loaded = structuredClone(model.data) as Answers
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    if (!question.isEmpty())
      loaded[question.getValueName()] = Helpers.getUnbindValue(question.value)
  }
  const dynamicPanels = new Set<string>()
  for (const question of model.getAllQuestions(false, false, false) as Question[]) {
    if (question.isVisibleInSurvey) visibleKeys.add(question.getValueName())
    if (['paneldynamic', 'matrixdynamic'].includes(question.getType())) {
      dynamicKeys.add(question.getValueName())
    }
    if (!isQuizQuestion(question)) continue
    if (question.getType() === 'paneldynamic') dynamicPanels.add(question.name)
    quiz.set(question.name, !question.isEmpty() && question.isAnswerCorrect())
  }
  model.doComplete()
  const kept = model.data as Answers
  return { loaded, dynamicPanels, visibleKeys, dynamicKeys, quiz, score, kept }
}

/** A quiz question SurveyJS counts: visible, with a correct answer (`quizQuestionCount`). */
function isQuizQuestion(question: Question): boolean {
  return question.quizQuestionCount > 0
}

export function comparable(result: ScoreResult) {
  return {
    ...result,
    // Which questions report problems, not in which order: the Model lists them in display
    // order, which a form's `questionOrder: 'random'` shuffles on every run (found in CI).
    problems: result.problems.map((p) => p.question).sort(),
    percent: Number(result.percent.toFixed(9)),
    dimensions: Object.fromEntries(
      Object.entries(result.dimensions).map(([k, v]) => [
        k,
        { ...v, percent: Number(v.percent.toFixed(9)) },
      ]),
    ),
  }
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The SDK's view of the same response. */
function sdkView(form: FormJson, answers: Answers) {
  const kept = visibleAnswers(form, answers)
  const quiz = new Map(quizReview(form, answers).map((item) => [item.question, item.correct]))
  return { kept, quiz, score: comparable(scoreResponse(form, answers)) }
}

/** No answer at all: empty, or only empty entries (`[{}, {}]` of an untouched dynamic panel). */
function blank(value: unknown): boolean {
  if (isEmpty(value)) return true
  if (Array.isArray(value)) return value.every(blank)
  return value !== null && typeof value === 'object' && Object.values(value).every(blank)
}

type Found = Pick<Disagreement, 'category' | 'at' | 'sdk' | 'model' | 'rule'>

function compareViews(
  sdk: ReturnType<typeof sdkView>,
  model: ModelView,
  answers: Answers,
): Found[] {
  const found: Found[] = []
  for (const key of Object.keys(answers)) {
    const bySdk = !blank(sdk.kept[key])
    const byModel = !blank(model.kept[key])
    if (bySdk === byModel) continue
    const rule: DeliberateRule | undefined =
      bySdk && model.visibleKeys.has(key.replace(/-Comment$/, ''))
        ? 'visibleQuestionsKeptAsSent'
        : !bySdk && blank(answers[key]) && model.dynamicKeys.has(key)
          ? 'valuesTakenAsSent' // SurveyJS filled the rows of an empty dynamic matrix/panel
          : undefined
    found.push({
      category: 'visibleAnswers',
      at: key,
      sdk: bySdk,
      model: byModel,
      ...(rule ? { rule } : {}),
    })
  }
  for (const name of new Set([...sdk.quiz.keys(), ...model.quiz.keys()])) {
    const a = sdk.quiz.get(name)
    const b = model.quiz.get(name)
    if (a === b) continue
    const rule: DeliberateRule | undefined = model.dynamicPanels.has(name)
      ? 'dynamicPanelsNotGraded'
      : undefined
    found.push({ category: 'quizGrade', at: name, sdk: a, model: b, ...(rule ? { rule } : {}) })
  }
  if (!same(sdk.score, model.score))
    found.push({ category: 'score', at: '*', sdk: sdk.score, model: model.score })
  return found
}

/** A loaded corpus form, ready to compare many responses (one Model, reused). */
export interface PreparedForm {
  entry: CorpusForm
  form: FormJson
  model: Model
  /** Built on demand: the form without triggers and choice conditions (`FORM_RULES`). */
  stripped?: { form: FormJson; model: Model; rules: DeliberateRule[] } | null
}

/** Builds the scored variant and its Model; survey-core's console chatter on test forms is muted. */
export function prepare(entry: CorpusForm): PreparedForm {
  const form = withScores(entry.json)
  const { warn, error, log } = console
  console.warn = console.error = console.log = () => {}
  try {
    return { entry, form, model: seededModel(form) }
  } finally {
    Object.assign(console, { warn, error, log })
  }
}

/** Form features the SDK deliberately does not run; each with the form stripped of it. */
const FORM_RULES: Array<{ rule: DeliberateRule; strip(form: FormJson): boolean }> = [
  {
    rule: 'triggersNotRun',
    strip(form) {
      if (!Array.isArray(form.triggers) || form.triggers.length === 0) return false
      delete form.triggers
      return true
    },
  },
  {
    rule: 'choiceConditionsNotRun',
    strip(form) {
      let found = false
      const visit = (value: unknown): void => {
        if (Array.isArray(value)) {
          value.forEach(visit)
          return
        }
        if (!value || typeof value !== 'object') return
        const object = value as Record<string, unknown>
        for (const property of ['choicesVisibleIf', 'choicesEnableIf', 'hideIfChoicesEmpty']) {
          if (property in object) {
            delete object[property]
            found = true
          }
        }
        for (const list of ['choices', 'rateValues']) {
          for (const choice of Array.isArray(object[list]) ? (object[list] as unknown[]) : []) {
            if (
              choice &&
              typeof choice === 'object' &&
              ('visibleIf' in choice || 'enableIf' in choice)
            ) {
              delete (choice as Record<string, unknown>).visibleIf
              delete (choice as Record<string, unknown>).enableIf
              found = true
            }
          }
        }
        for (const child of Object.values(object)) visit(child)
      }
      visit(form)
      return found
    },
  },
]

/** Whether a form falls under `modelStateOrDuplicateNames`. */
function readsModelStateOrDuplicates(form: FormJson, model: Model): boolean {
  const text = JSON.stringify(form)
  if (text.includes('{$') || text.includes('-unwrapped}')) return true
  const names = (model.getAllQuestions(false, false, false) as Question[]).map((q) =>
    q.name.toLowerCase(),
  )
  return new Set(names).size !== names.length
}

/** The form without the features the SDK does not run, its Model, and the rules that applied. */
function strippedOf(prepared: PreparedForm): PreparedForm['stripped'] {
  if (prepared.stripped !== undefined) return prepared.stripped
  const form = structuredClone(prepared.form)
  const rules = FORM_RULES.filter(({ strip }) => strip(form)).map(({ rule }) => rule)
  prepared.stripped = rules.length ? { form, model: seededModel(form), rules } : null
  return prepared.stripped
}

const key = (d: Found): string => `${d.category}:${d.at}`

/** Disagreements left after the rules: those a predicate rule names, and those still open. */
function explained(left: Found[]) {
  const ruled = new Map<string, DeliberateRule>()
  const open = new Set<string>()
  for (const d of left) {
    if (d.rule) ruled.set(key(d), d.rule)
    else open.add(key(d))
  }
  return { ruled, open }
}

/** Every disagreement on one form for the given seeds, each marked with the rule explaining it. */
export function compareForm(prepared: PreparedForm, seeds: number[]): Disagreement[] {
  const { entry, form } = prepared
  let model = prepared.model
  const out: Disagreement[] = []
  const { warn, error, log } = console
  console.warn = console.error = console.log = () => {}
  try {
    for (const seed of seeds) {
      const answers = answersFor(model, seed)
      const sdk = sdkView(form, answers)
      let first: ModelView
      try {
        first = viewOf(model, form, answers)
      } catch (error) {
        // survey-core itself throws on this response (a shape its questions cannot hold): there
        // is no Model answer to compare with. Counted apart, never a disagreement.
        out.push({
          category: 'modelCannotLoad',
          form: entry.id,
          source: `${entry.source.repo}/${entry.source.path}:${entry.source.line}`,
          seed,
          at: '*',
          sdk: null,
          model: String(error),
        })
        model = prepared.model = prepare(entry).model
        continue
      }
      const raw = compareViews(sdk, first, answers)
      if (raw.length === 0) continue
      const ruled = withRules(model, answers)
      const view = ruled.rules.length === 0 ? first : viewOf(model, form, ruled.answers)
      const left = ruled.rules.length === 0 ? raw : compareViews(sdk, view, answers)
      const byRules = explained(left)
      // What is left may come from SurveyJS rewriting the values it was given: the SDK, given
      // the Model's own values, must then agree.
      const asLoaded =
        byRules.open.size === 0 ? [] : compareViews(sdkView(form, view.loaded), view, answers)
      let unexplained = new Set(
        [...byRules.open].filter((k) => asLoaded.some((d) => !d.rule && key(d) === k)),
      )
      // Then the form features the SDK does not run: the Model of the form without them must agree.
      const stripped = unexplained.size ? strippedOf(prepared) : null
      const byForm = new Map<string, DeliberateRule>()
      if (stripped) {
        const still = compareViews(
          sdk,
          viewOf(stripped.model, stripped.form, ruled.answers),
          answers,
        )
        for (const k of unexplained) {
          if (!still.some((d) => !d.rule && key(d) === k))
            byForm.set(k, stripped.rules[0] as DeliberateRule)
        }
        unexplained = new Set([...unexplained].filter((k) => !byForm.has(k)))
      }
      if (unexplained.size && readsModelStateOrDuplicates(form, model)) {
        for (const k of unexplained) byForm.set(k, 'modelStateOrDuplicateNames')
        unexplained = new Set()
      }
      const source = `${entry.source.repo}/${entry.source.path}:${entry.source.line}`
      for (const d of raw) {
        const k = key(d)
        const rule =
          d.rule ??
          byRules.ruled.get(k) ??
          byForm.get(k) ??
          (unexplained.has(k)
            ? undefined
            : byRules.open.has(k)
              ? 'valuesTakenAsSent'
              : ruled.rules[0])
        out.push({ ...d, form: entry.id, source, seed, ...(rule ? { rule } : {}) })
      }
    }
  } finally {
    Object.assign(console, { warn, error, log })
  }
  return out
}

/**
 * A Model whose random orders (`questionOrder`, `choicesOrder: 'random'`, found in the corpus)
 * are the same on every run: a test on shuffled orders would disagree by chance.
 */
export function seededModel(form: object): Model {
  const model = new Model(form)
  model.randomSeed = 1
  return model
}
