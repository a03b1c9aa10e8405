import 'survey-core/survey-core.css'
import 'survey-core/i18n/simplified-chinese'
import type { Answers } from '@yardstick/sdk'
import { createSurveyModel } from '@yardstick/sdk/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { SurveyModel } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useDebounced } from '../useDebounced'
import { ScorePanel } from './ScorePanel'

type Built = { model: SurveyModel; error?: undefined } | { model?: undefined; error: Error }

/**
 * The form as respondents will see it, rebuilt after every edit (anyone's) with the SDK's
 * sanitising model (`createSurveyModel`, the model `YardstickSurvey` renders), keeping the
 * answers given so far and the page; its answers feed the score panel beneath.
 */
export function PreviewPanel() {
  const { t, locale } = useI18n()
  const { view } = useEditor()
  const json = useDebounced(view.json, 120)
  const [answers, setAnswers] = useState<Answers>({})
  const [round, setRound] = useState(0)
  const answersRef = useRef(answers)
  answersRef.current = answers
  const pageRef = useRef(0)
  const surveyLocale = locale === 'en' ? 'en' : 'zh-cn'

  const built = useMemo<Built>(() => {
    try {
      const model = createSurveyModel(json, { answers: answersRef.current, locale: surveyLocale })
      if (pageRef.current > 0 && pageRef.current < model.visiblePageCount) {
        model.currentPageNo = pageRef.current
      }
      return { model }
    } catch (error) {
      return { error: error as Error }
    }
  }, [json, surveyLocale, round])

  useEffect(() => {
    const model = built.model
    if (!model) return
    const onValue = (sender: SurveyModel) => setAnswers({ ...(sender.data as Answers) })
    const onPage = (sender: SurveyModel) => {
      pageRef.current = sender.currentPageNo
    }
    model.onValueChanged.add(onValue)
    model.onCurrentPageChanged.add(onPage)
    return () => {
      model.onValueChanged.remove(onValue)
      model.onCurrentPageChanged.remove(onPage)
    }
  }, [built])

  const reset = () => {
    pageRef.current = 0
    setAnswers({})
    answersRef.current = {}
    setRound((r) => r + 1)
  }

  const empty = !json.pages?.some((p) => (p.elements?.length ?? 0) > 0) && !json.elements?.length
  return (
    <div className="preview">
      <div className="preview-tools">
        <h2 className="panel-title">{t('preview.label')}</h2>
        <button type="button" onClick={reset}>
          {t('preview.reset')}
        </button>
      </div>
      <ScorePanel json={json} answers={answers} />
      <div className="preview-survey" data-testid="preview">
        {built.error && (
          <p role="alert" className="error">
            {t('preview.invalid', { message: built.error.message })}
          </p>
        )}
        {empty && <p className="muted">{t('preview.empty')}</p>}
        {built.model && !empty && <Survey model={built.model} />}
      </div>
    </div>
  )
}
