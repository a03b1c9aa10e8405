// Floor: survey-core + survey-js-ui (2.5.38, with the survey-core 2.5.38 it pins), one survey.
import { Model } from 'survey-core'
import { renderSurvey } from 'survey-js-ui'
import 'survey-core/survey-core.min.css'

renderSurvey(new Model({ elements: [{ type: 'text', name: 'q' }] }), document.body)
