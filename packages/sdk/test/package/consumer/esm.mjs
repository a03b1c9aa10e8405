// What a Node service does with the published packages: plain ES modules, no bundler, no loader.
import { isDeepStrictEqual } from 'node:util'
import { fromSurveyJson, toSurveyJson } from '@yardstick/doc'
import { satisfactionForm, scoreResponse, templates, validateForm } from '@yardstick/sdk'
import { SOURCE_KEYS } from '@yardstick/sdk/domain'
import { FORM_LIMITS } from '@yardstick/sdk/limits'
import { normalizeToken } from '@yardstick/sdk/link'

const form = satisfactionForm({
  title: '党员群众满意度测评',
  aspects: [
    { name: 'study', title: '政治理论学习' },
    { name: 'service', title: '联系服务群众' },
  ],
})
const roundTrip = toSurveyJson(fromSurveyJson(templates.scorecard))
console.log(
  JSON.stringify({
    satisfaction: scoreResponse(form, { study: 'satisfied', service: 'basic' }).satisfaction,
    scorecardValid: validateForm(templates.scorecard).valid,
    quizQuestions: templates.quiz.pages.flatMap((page) => page.elements ?? []).length,
    docRoundTrip: isDeepStrictEqual(roundTrip, templates.scorecard),
    sources: SOURCE_KEYS,
    maxDepth: FORM_LIMITS.maxDepth,
    token: normalizeToken('ab-cd ef'),
  }),
)
