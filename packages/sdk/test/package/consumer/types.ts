// Type-checked under `nodenext` and `bundler` resolution (tsconfig.json beside each copy).
import { fromSurveyJson, toSurveyJson } from '@yardstick/doc'
import { type SurveyAttributes, TAG } from '@yardstick/embed'
import { type FormJson, type ScoreResult, scoreResponse, templates } from '@yardstick/sdk'
import type { SourceKey, SourceRespondent } from '@yardstick/sdk/domain'
import { FORM_LIMITS } from '@yardstick/sdk/limits'
import { createLinkClient, type LinkClient } from '@yardstick/sdk/link'
import { YardstickSurvey, type YardstickSurveyProps } from '@yardstick/sdk/react'

export const result: ScoreResult = scoreResponse(templates.quiz, {})
export const depth: number = FORM_LIMITS.maxDepth
export const source: SourceKey = 'superior'
export const client: LinkClient = createLinkClient({ server: 'https://ys.example', link: 'abc' })
export const props: YardstickSurveyProps = { form: templates.satisfaction, onComplete: () => {} }
export const component: unknown = YardstickSurvey
export const form: FormJson = toSurveyJson(fromSurveyJson(templates.scorecard)) as FormJson
export const tag: string = TAG
export type Attributes = SurveyAttributes

// The declarations are real, not `any`: each misuse below must be an error.
// @ts-expect-error answers are an object keyed by question name
scoreResponse(templates.quiz, 42)
// @ts-expect-error not who answers a source (a source's key is any slug; this set is closed)
export const wrong: SourceRespondent = 'nobody'
