// A CommonJS module under `nodenext`: `require` reads the `.d.cts` declarations.
import sdk = require('@yardstick/sdk')
import limits = require('@yardstick/sdk/limits')

export const result: sdk.ScoreResult = sdk.scoreResponse(sdk.templates.quiz, {})
export const depth: number = limits.FORM_LIMITS.maxDepth
// @ts-expect-error answers are an object keyed by question name
sdk.scoreResponse(sdk.templates.quiz, 42)
