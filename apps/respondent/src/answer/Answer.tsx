// The lazily loaded part of the page: survey-core, its React renderer and their styles, with
// the SDK's LinkSurvey (the one answering flow: Idempotency-Key, retries, offline queue, resume).
import 'survey-core/survey-core.min.css'
import type { LinkClient, LinkView, Locale } from '@yardstick/sdk/link'
import { askReasons, LinkSurvey } from '@yardstick/sdk/react'
import { useEffect, useRef, useState } from 'react'
import type { SurveyModel } from 'survey-core'
import { deviceStorage } from '../language'
import { ErrorPage } from '../pages/ErrorPage'
import { Countdown } from './Countdown'
import { Done } from './Done'
import { keepDraft } from './drafts'
import { ErrorSummary } from './ErrorSummary'
import { answerOnePerPage } from './one-per-page'
import { printWholeForm } from './print'
import { rankWithButtons } from './RankingItem'

/** Props of `Answer`. */
export interface AnswerProps {
  /** The page's link client (the view was read through it). */
  client: LinkClient
  /** The view already read; absent when a response saved on this device is sent first. */
  view?: LinkView
  /** The server's clock minus this device's, in ms (for a countdown). */
  clockOffset: number
  slug: string
  token: string | undefined
  locale: Locale
  /** 长辈版: one question per page (see `answerOnePerPage`). */
  elder: boolean
  /** Told the view once the form shows (also when `view` was absent). */
  onView: (view: LinkView) => void
  /** Told whether the form shows errors to put right (for the page's title). */
  onInvalid: (invalid: boolean) => void
}

/**
 * The form of a link, answered: the SDK's `LinkSurvey` with the page's language, its own pages
 * for refusals and for the end (thanks, score, a quiz's correct answers), a draft kept on this
 * device, the whole form on paper, and for a timed quiz the countdown that submits the answers
 * as they stand, once, when the time is up. For every respondent: an error summary that takes
 * the focus, and ranking by buttons; in 长辈版, one question per page.
 *
 * @example
 * const Answer = lazy(() => import('./answer/Answer'))
 */
export default function Answer({
  client,
  view,
  clockOffset,
  slug,
  token,
  locale,
  elder,
  onView,
  onInvalid,
}: AnswerProps) {
  const [shown, setShown] = useState(view)
  const [done, setDone] = useState(false)
  const model = useRef<SurveyModel | null>(null)
  // The model as state too, for what renders beside the form (the error summary).
  const [answering, setAnswering] = useState<SurveyModel | null>(null)
  const [serverErrors, setServerErrors] = useState(0)
  const elderNow = useRef(elder)
  elderNow.current = elder
  useEffect(() => {
    if (answering) answerOnePerPage(answering, elder)
  }, [answering, elder])
  const draft = useRef<{ clear: () => void } | null>(null)
  // Time up: the answers go once, as they stand (the server takes unanswered questions as 0).
  const timeUp = useRef(false)
  const submitNow = (target: SurveyModel) => {
    if (target.state === 'running') target.doComplete()
  }
  const expire = () => {
    if (timeUp.current) return
    timeUp.current = true
    if (model.current) submitNow(model.current)
  }
  const timeLimit = shown?.timeLimit

  return (
    <div className="rs-answer">
      {timeLimit?.endsAt && !done && (
        <Countdown
          endsAt={Date.parse(timeLimit.endsAt)}
          clockOffset={clockOffset}
          minutes={timeLimit.minutes}
          locale={locale}
          onExpire={expire}
        />
      )}
      {answering && !done && (
        <ErrorSummary
          model={answering}
          locale={locale}
          recheck={serverErrors}
          onShown={onInvalid}
        />
      )}
      <LinkSurvey
        server={window.location.origin}
        link={slug}
        token={token}
        client={client}
        view={view}
        locale={locale}
        localeSwitch={false}
        prepareModel={(prepared, shownView) => {
          model.current = prepared
          answerOnePerPage(prepared, elderNow.current)
          rankWithButtons(prepared)
          setAnswering(prepared)
          // An assessor's scorecard: each deduction and veto needs its reason (reasonsRequired).
          if (shownView.needsSignIn) askReasons(prepared, shownView.form)
          draft.current = keepDraft(
            prepared,
            `${window.location.origin}|${slug}|${token ?? ''}`,
            deviceStorage(),
          )
          printWholeForm(prepared, window)
          // The time ran out before the form was ready (a reload in the last seconds): send
          // once LinkSurvey has attached its submission, right after this call.
          if (timeUp.current) window.setTimeout(() => submitNow(prepared), 0)
        }}
        onReady={(ready) => {
          setShown(ready)
          onView(ready)
        }}
        onError={(error) => {
          // LinkSurvey puts the server's errors under the questions right after telling us.
          if (error.code === 'invalidAnswers')
            window.setTimeout(() => setServerErrors((n) => n + 1), 0)
        }}
        onSubmitted={() => {
          draft.current?.clear()
          setDone(true)
        }}
        renderError={(error, errorLocale) => <ErrorPage error={error} locale={errorLocale} />}
        renderDone={(finished) => <Done {...finished} />}
      />
    </div>
  )
}
