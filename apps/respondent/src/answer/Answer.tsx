// The lazily loaded part of the page: survey-core, its React renderer and their styles, with
// the SDK's LinkSurvey (the one answering flow: Idempotency-Key, retries, offline queue, resume).
import 'survey-core/survey-core.min.css'
import type { LinkClient, LinkView, Locale } from '@yardstick/sdk/link'
import { askReasons, LinkSurvey } from '@yardstick/sdk/react'
import { useRef, useState } from 'react'
import type { SurveyModel } from 'survey-core'
import { deviceStorage } from '../language'
import { ErrorPage } from '../pages/ErrorPage'
import { Countdown } from './Countdown'
import { Done } from './Done'
import { keepDraft } from './drafts'
import { printWholeForm } from './print'

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
  /** Told the view once the form shows (also when `view` was absent). */
  onView: (view: LinkView) => void
}

/**
 * The form of a link, answered: the SDK's `LinkSurvey` with the page's language, its own pages
 * for refusals and for the end (thanks, score, a quiz's correct answers), a draft kept on this
 * device, the whole form on paper, and for a timed quiz the countdown that submits the answers
 * as they stand, once, when the time is up.
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
  onView,
}: AnswerProps) {
  const [shown, setShown] = useState(view)
  const [done, setDone] = useState(false)
  const model = useRef<SurveyModel | null>(null)
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
