import { useEffect, useMemo } from 'react'
// SurveyJS's own Chinese strings (buttons, required-field errors); '../extensions' loads them too.
import 'survey-core/i18n/simplified-chinese'
// SurveyJS's default theme; the host's bundler must handle CSS imports (Vite, webpack, Next.js).
import 'survey-core/survey-core.css'
import type { SurveyModel } from 'survey-core'
import { Survey } from 'survey-react-ui'
import type { Answers, FormJson } from '../types'
import { LinkSurvey, type YardstickLinkProps } from './LinkSurvey'
import { createSurveyModel, setSurveyLocale } from './sanitized-model'

/** Props of `YardstickSurvey` given a form: the page handles the answers itself. */
export interface YardstickFormProps {
  /** The form JSON, e.g. one of `templates`. A new form object builds a new model. */
  form: FormJson
  /** Answers to start from; read when the model is built, later changes are ignored. */
  answers?: Answers
  /** SurveyJS locale code; default 'zh-cn' (Simplified Chinese), 'en' for English. */
  locale?: string
  /** Called once the respondent completes the form, with `model.data` and the model. */
  onComplete: (answers: Answers, model: SurveyModel) => void
  /** Identifies the respondent: every question bank (`drawCount`) is drawn for them. */
  seed?: string
  link?: undefined
}

/** Props of `YardstickSurvey`: a form and `onComplete`, or a `link` and `server` (link mode). */
export type YardstickSurveyProps = YardstickFormProps | YardstickLinkProps

/**
 * Renders a Yardstick survey. Given `link` + `server` (+ `token`), it fetches the form from the
 * respondent link and submits to it (see `LinkSurvey`: idempotent retries, offline queue,
 * server errors under the questions, thank-you page and score). Given `form`, it renders it and
 * hands the answers to `onComplete`.
 *
 * @example
 * <YardstickSurvey server="https://ys.example.gov.cn" link="q8Xr0m3cV1pQ9sZ2aLk4Tw" token={token} />
 */
export function YardstickSurvey(props: YardstickSurveyProps) {
  return props.link === undefined ? <FormSurvey {...props} /> : <LinkSurvey {...props} />
}

/**
 * Renders a Yardstick form with SurveyJS (`survey-react-ui`) for one respondent: banks drawn
 * for `seed`, Simplified Chinese by default, `answers` pre-filled, and every piece of HTML
 * SurveyJS produces sanitised after `{question}` piping.
 *
 * @example
 * <YardstickSurvey
 *   form={templates.quiz}
 *   seed="member-42"
 *   onComplete={(answers) => fetch('/api/responses', { method: 'POST', body: JSON.stringify(answers) })}
 * />
 */
function FormSurvey({ form, answers, locale = 'zh-cn', onComplete, seed }: YardstickFormProps) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: answers and locale only seed a new model; the effect below follows locale, and answers are initial values
  const model = useMemo(() => createSurveyModel(form, { seed, answers, locale }), [form, seed])

  useEffect(() => {
    setSurveyLocale(model, locale)
  }, [model, locale])

  useEffect(() => {
    const complete = (sender: SurveyModel) => onComplete(sender.data as Answers, sender)
    model.onComplete.add(complete)
    return () => model.onComplete.remove(complete)
  }, [model, onComplete])

  return <Survey model={model} />
}
