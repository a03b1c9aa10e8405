// What a CommonJS system (many still `require`) does with the published SDK, and with the doc,
// which is ES modules only: Node (>= 20.19) loads it from `require` all the same.
const { isDeepStrictEqual } = require('node:util')
const { fromSurveyJson, toSurveyJson } = require('@yardstick/doc')
const { satisfactionForm, scoreResponse, templates, validateForm } = require('@yardstick/sdk')
const { SOURCE_KEYS } = require('@yardstick/sdk/domain')
const { FORM_LIMITS } = require('@yardstick/sdk/limits')
const { normalizeToken } = require('@yardstick/sdk/link')

const form = satisfactionForm({
  title: '党员群众满意度测评',
  aspects: [
    { name: 'study', title: '政治理论学习' },
    { name: 'service', title: '联系服务群众' },
  ],
})
console.log(
  JSON.stringify({
    satisfaction: scoreResponse(form, { study: 'satisfied', service: 'basic' }).satisfaction,
    scorecardValid: validateForm(templates.scorecard).valid,
    quizQuestions: templates.quiz.pages.flatMap((page) => page.elements ?? []).length,
    docRoundTrip: isDeepStrictEqual(
      toSurveyJson(fromSurveyJson(templates.scorecard)),
      templates.scorecard,
    ),
    sources: SOURCE_KEYS,
    maxDepth: FORM_LIMITS.maxDepth,
    token: normalizeToken('ab-cd ef'),
  }),
)
