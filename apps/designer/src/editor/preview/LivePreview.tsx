import 'survey-core/survey-core.css'
import 'survey-core/i18n/simplified-chinese'
import type { Answers, FormJson } from '@yardstick/sdk'
import { createSurveyModel } from '@yardstick/sdk/react'
import { memo, type RefObject, useDeferredValue, useEffect, useRef, useState } from 'react'
import type { SurveyModel } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { useI18n } from '../../i18n/I18nProvider'
import { ScorePanel } from './ScorePanel'
import { usePreviewJson } from './usePreviewJson'

type Built = { model: SurveyModel; error?: undefined } | { model?: undefined; error: Error }

/**
 * The form as respondents will see it, rebuilt when this editor pauses with the SDK's sanitising model
 * (`createSurveyModel`, the model `YardstickSurvey` renders), keeping the answers given so far and
 * the page; its answers feed the score panel beneath. Loaded on demand (`PreviewPanel`).
 */
export default function LivePreview() {
  const { t, locale } = useI18n()
  const root = useRef<HTMLDivElement>(null)
  const shown = useShown(root)
  // Rebuilt when this editor pauses (`usePreviewJson`), as a deferred update, and not while its
  // tab is hidden.
  const { json: settled, shown: previewShown } = usePreviewJson()
  const kept = useRef(settled)
  if (shown) kept.current = settled
  const json = useDeferredValue(kept.current)
  const [answers, setAnswers] = useState<Answers>({})
  const [round, setRound] = useState(0)
  const answersRef = useRef(answers)
  answersRef.current = answers
  const pageRef = useRef(0)
  const surveyLocale = locale === 'en' ? 'en' : 'zh-cn'

  // Built once per JSON, language and reset, kept outside React's render: a deferred render that
  // React throws away because an urgent one came in (a colleague's presence, several a second)
  // keeps no `useMemo` value, and a 500-question model was then built again each time (the idle
  // editor's main thread ≈ 70 % busy). The urgent render still shows the previous JSON, so both
  // stay cached until their JSON is dropped.
  const models = useRef(new WeakMap<FormJson, Map<string, Built>>())
  let built: Built | null = null
  if (json) {
    const key = `${surveyLocale}:${round}`
    const forJson = models.current.get(json) ?? new Map<string, Built>()
    models.current.set(json, forJson)
    built = forJson.get(key) ?? buildModel(json, answersRef.current, surveyLocale, pageRef.current)
    forJson.set(key, built)
  }

  // How long a rebuild took, model and render: the next one waits a few times that. Taken a task
  // later, so SurveyJS's own work after React's commit counts too.
  useEffect(() => {
    if (!built) return
    const timer = setTimeout(previewShown, 0)
    return () => clearTimeout(timer)
  }, [built, previewShown])

  useEffect(() => {
    const model = built?.model
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

  const empty =
    json !== null &&
    !json.pages?.some((p) => (p.elements?.length ?? 0) > 0) &&
    !json.elements?.length
  return (
    <div className="preview" ref={root}>
      <div className="preview-tools">
        <h2 className="panel-title">{t('preview.label')}</h2>
        <button type="button" onClick={reset}>
          {t('preview.reset')}
        </button>
      </div>
      {json && <MemoScorePanel json={json} answers={answers} />}
      <div className="preview-survey" data-testid="preview">
        {!built && <p className="muted">{t('preview.loading')}</p>}
        {built?.error && (
          <p role="alert" className="error">
            {t('preview.invalid', { message: built.error.message })}
          </p>
        )}
        {empty && <p className="muted">{t('preview.empty')}</p>}
        {built?.model && !empty && <SurveyView model={built.model} />}
      </div>
    </div>
  )
}

/** The preview's SurveyJS model for `json`, with the answers so far and on the page shown. */
function buildModel(json: FormJson, answers: Answers, locale: string, page: number): Built {
  try {
    const model = createSurveyModel(json, { answers, locale })
    // Questions enter the page as the preview scrolls to them: a 50-question page would
    // otherwise put hundreds of answer inputs beside the editor, which the browser walks
    // (layout, paint, its form tracking) on every keystroke typed anywhere.
    model.lazyRenderEnabled = true
    if (page > 0 && page < model.visiblePageCount) model.currentPageNo = page
    return { model }
  } catch (error) {
    return { error: error as Error }
  }
}

// The editor renders again on every edit and presence change; the survey (hundreds of
// components) and its score only when their model or answers change.
const SurveyView = memo(function SurveyView({ model }: { model: SurveyModel }) {
  return <Survey model={model} />
})
const MemoScorePanel = memo(ScorePanel)

/** Whether an element is on screen (its tab shown); true until the first observation. */
function useShown(ref: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(true)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(([entry]) => setShown(entry?.isIntersecting ?? true))
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return shown
}
