import { writeFileSync } from 'node:fs'
import type { Model, Question } from 'survey-core'
import { expect } from 'vitest'
import '../../src/extensions'
import { RESPONSE_ERROR_CODES, type ResponseErrorCode } from '../../src/messages'
import type { Answers } from '../../src/types'
import { validateResponse } from '../../src/validate-response'
import { answersFor } from './answers'
import { loadCorpus } from './corpus'
import { seededModel } from './harness'

/**
 * Where Yardstick refuses on purpose what SurveyJS's Model accepts (the SDK README, "Where
 * Yardstick differs from SurveyJS"): a refusal with only these codes, at a question the Model
 * passes, is a deliberate difference; anything else is a disagreement.
 */
const STRICTER: ReadonlyMap<ResponseErrorCode, string> = new Map([
  // A value SurveyJS does not offer (SurveyJS keeps any value it is given).
  [RESPONSE_ERROR_CODES.notAChoice, 'choicesChecked'],
  // A value of the wrong shape ('true' for a boolean, '5' for a number input…).
  [RESPONSE_ERROR_CODES.wrongType, 'typesChecked'],
  // A point entry outside [0, maxScore], a rating outside its scale.
  [RESPONSE_ERROR_CODES.outOfRange, 'typesChecked'],
  // A choice given twice in a checkbox or tagbox answer.
  [RESPONSE_ERROR_CODES.duplicateValue, 'duplicateChoicesRefused'],
  // An answer to no question of the form.
  [RESPONSE_ERROR_CODES.unknownQuestion, 'unknownKeysRefused'],
])

/**
 * `valuesTakenAsSent` (the SDK README): responses SurveyJS's Model judges after rewriting values
 * it is given, which its client would have sent rewritten. Each entry is one form and question
 * of the corpus, found by this test, with what the Model fills in.
 */
const VALUES_TAKEN_AS_SENT: ReadonlyMap<string, string> = new Map([
  // Two dynamic panels share `valueName: sharedData`: p1's `panelCount: 2` panels become p2's.
  ['4814dfa2ca41c98a:p2', 'panels of a dynamic panel bound to another by valueName'],
  // A cell's `defaultValueExpression` fills the empty row its expression validator reads.
  ['1fb038f16d5d37fb:matrix1', 'cell defaultValueExpression'],
  // An expression column fills the rows of a dynamic matrix inside a dynamic panel.
  ['cf0bcfb87b94d46b:panel', 'expression cells of a dynamic matrix in a dynamic panel'],
])

const SEEDS = [1, 2]

interface Tally {
  checked: number
  agreeing: number
  deliberate: Record<string, number>
  unexplained: Array<{
    form: string
    seed: number
    question: string
    sdk: string[]
    model: string[]
  }>
}

/** The questions a Model refuses, each with SurveyJS's error types (blocking errors only). */
function modelRefusals(model: Model, answers: Answers): Map<string, string[]> {
  const questions = model.getAllQuestions(false, false, false) as Question[]
  model.data = structuredClone(answers)
  model.validate(true)
  const refused = new Map<string, string[]>()
  for (const question of questions) {
    const errors = question
      .getAllErrors()
      .filter((e) => (e.notificationType ?? 'error') === 'error')
      .map((e) => e.getErrorType())
    if (errors.length > 0) refused.set(question.name, errors)
  }
  return refused
}

function sdkRefusals(json: unknown, answers: Answers): Map<string, ResponseErrorCode[]> {
  const refused = new Map<string, ResponseErrorCode[]>()
  for (const error of validateResponse(json as never, answers).errors) {
    refused.set(error.question, [...(refused.get(error.question) ?? []), error.code])
  }
  return refused
}

/** A signature pad's value makes a Model draw an `Image`, which Node has not: left unanswered. */
function headless(model: Model, answers: Answers): Answers {
  for (const question of model.getAllQuestions(false, false, true) as Question[]) {
    if (question.getType() === 'signaturepad') delete answers[question.getValueName()]
  }
  return answers
}

function quietly<T>(run: () => T): T {
  const { warn, error, log } = console
  console.warn = console.error = console.log = () => {}
  try {
    return run()
  } finally {
    Object.assign(console, { warn, error, log })
  }
}

function compare(index: number, of: number): Tally {
  const tally: Tally = { checked: 0, agreeing: 0, deliberate: {}, unexplained: [] }
  for (const form of loadCorpus().filter((_, i) => i % of === index)) {
    for (const seed of SEEDS) {
      // A fresh Model per response (a cleared one keeps some state, e.g. a dynamic matrix's rows).
      // A response is valid or not whatever the paging: the reference checks every page at once.
      const json = { ...structuredClone(form.json), questionsOnPageMode: 'standard' }
      const model = quietly(() => seededModel(json))
      const answers = headless(model, answersFor(model, seed))
      const surveyJs = quietly(() => modelRefusals(model, answers))
      const sdk = sdkRefusals(form.json, answers)
      for (const question of new Set([...surveyJs.keys(), ...sdk.keys()])) {
        tally.checked++
        const ours = sdk.get(question) ?? []
        const theirs = surveyJs.get(question) ?? []
        if (ours.length > 0 === theirs.length > 0) {
          tally.agreeing++
          continue
        }
        if (VALUES_TAKEN_AS_SENT.has(`${form.id}:${question}`)) {
          tally.deliberate.valuesTakenAsSent = (tally.deliberate.valuesTakenAsSent ?? 0) + 1
          continue
        }
        if (theirs.length === 0 && ours.every((code) => STRICTER.has(code))) {
          for (const rule of new Set(ours.map((code) => STRICTER.get(code) as string))) {
            tally.deliberate[rule] = (tally.deliberate[rule] ?? 0) + 1
          }
          continue
        }
        tally.unexplained.push({ form: form.id, seed, question, sdk: ours, model: theirs })
      }
    }
  }
  return tally
}

/**
 * Compares `validateResponse` with a headless survey-core Model on every `of`-th corpus form
 * (from `index`), on `SEEDS`: fails listing the first unexplained disagreements.
 * `DIFF_REPORT=file` writes the counts (for the README's figures).
 */
export function runValidateShard(index: number, of: number): void {
  const tally = compare(index, of)
  if (process.env.DIFF_REPORT) {
    writeFileSync(
      `${process.env.DIFF_REPORT}.${index + 1}-of-${of}`,
      JSON.stringify(tally, null, 1),
    )
  }
  console.info(
    `validateResponse shard ${index + 1}/${of}: ${tally.checked} questions compared,`,
    JSON.stringify({ agreeing: tally.agreeing, ...tally.deliberate }),
  )
  expect(tally.checked).toBeGreaterThan(500)
  expect(tally.unexplained.slice(0, 10)).toEqual([])
  expect(tally.unexplained.length).toBe(0)
}
