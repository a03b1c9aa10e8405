import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react'
import type { CompletingEvent, SurveyModel } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { createLinkClient, type LinkClient } from '../link/client'
import { LINK_TEXT, linkErrorText } from '../link/messages'
import type { LinkError, LinkResult, LinkSubmitted, LinkView, PendingStorage } from '../link/types'
import type { Locale } from '../text'
import { SanitizedModel, setSurveyLocale } from './sanitized-model'
import { showServerErrors } from './server-errors'

/** Props of `YardstickSurvey` in link mode: the form comes from a Yardstick server's link. */
export interface YardstickLinkProps {
  /** The Yardstick server's origin, e.g. `https://yardstick.example.gov.cn`. */
  server: string
  /** The respondent link's slug. */
  link: string
  /** The one-time token of an anonymous survey. */
  token?: string
  /** 'zh-CN' (default) or 'en'; SurveyJS's 'zh-cn' is accepted too. The respondent can switch. */
  locale?: string
  /** Called once the form is shown. */
  onReady?: (view: LinkView) => void
  /** Called once the server has stored the response (or replayed it for a retry). */
  onSubmitted?: (submitted: LinkSubmitted, view: LinkView | null) => void
  /** Called for every refusal: loading the link, or submitting (validation, a used token…). */
  onError?: (error: LinkError) => void
  /** Where an unsent response is kept; default `localStorage`. */
  storage?: PendingStorage | null
  /**
   * The link client to use, when the page made one already (to read the view before it loads
   * the renderer); default: one made from `server`, `link`, `token` and `storage`.
   */
  client?: LinkClient
  /** The view the page has already fetched through `client`: shown at once, not fetched again. */
  view?: LinkView
  /** Whether the toolbar's language switch shows (default true); off where the page has its own. */
  localeSwitch?: boolean
  /**
   * Called with each model before it is shown (answers saved on this device already merged):
   * where a page adds its own behaviour, e.g. a countdown that completes the model when time is
   * up, a draft kept across reloads, or `askReasons` on an assessor's scorecard (a link that
   * needs sign-in, answered on the Yardstick server's own page: an embed in another site can
   * never sign in, so portals do not carry that code).
   */
  prepareModel?: (model: SurveyModel, view: LinkView) => void
  /**
   * Renders a refusal that leaves nothing to answer (an unknown link, a used token, a closed
   * campaign), instead of the one line of `linkErrorText`.
   */
  renderError?: (error: LinkError, locale: Locale) => ReactNode
  /** Renders what follows a stored response, instead of the completed survey and the score. */
  renderDone?: (done: LinkDone) => ReactNode
}

/** What `renderDone` is given once the server has stored the response. */
export interface LinkDone {
  submitted: LinkSubmitted
  /** The view answered; null when a response saved earlier was sent before any view loaded. */
  view: LinkView | null
  /** The completed model (its questions, in the current locale); null as `view`. */
  model: SurveyModel | null
  locale: Locale
}

type Phase =
  | { name: 'loading' }
  | { name: 'failed'; error: LinkError }
  | { name: 'answering'; view: LinkView; model: SurveyModel }
  | { name: 'done'; view: LinkView | null; model: SurveyModel | null; submitted: LinkSubmitted }

type Notice = { role: 'status' | 'alert'; text: string } | null

/** 'en…' is English, anything else Simplified Chinese. */
function localeOf(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/**
 * A survey answered through a respondent link: fetches the form, submits with an
 * `Idempotency-Key` through `createLinkClient` (retries, offline queue, replays), shows the
 * server's validation errors under the questions, then the thank-you page and, where the link
 * allows (`showScore`), the score.
 */
export function LinkSurvey({
  server,
  link,
  token,
  locale,
  onReady,
  onSubmitted,
  onError,
  storage,
  client: given,
  view: initialView,
  localeSwitch = true,
  prepareModel,
  renderError,
  renderDone,
}: YardstickLinkProps) {
  const [lang, setLang] = useState<Locale>(() => localeOf(locale))
  useEffect(() => setLang(localeOf(locale)), [locale])
  const langRef = useRef(lang)
  langRef.current = lang
  const callbacks = useRef({ onReady, onSubmitted, onError, prepareModel })
  callbacks.current = { onReady, onSubmitted, onError, prepareModel }
  // A view the page fetched belongs to the client it fetched it with (kept for a re-run effect).
  const fetched = useRef({ view: initialView, by: given })

  const client = useMemo(
    () => given ?? createLinkClient({ server, link, token, locale: langRef.current, storage }),
    [given, server, link, token, storage],
  )
  const [phase, setPhase] = useState<Phase>({ name: 'loading' })
  const [notice, setNotice] = useState<Notice>(null)

  useEffect(() => {
    const abort = new AbortController()
    const { signal } = abort
    const text = () => LINK_TEXT[langRef.current]
    const waiting = {
      onWaiting: (why: 'offline' | 'retrying') => setNotice({ role: 'status', text: text()[why] }),
      signal,
    }
    const refused = (error: LinkError) => {
      if (error.code === 'aborted') return
      callbacks.current.onError?.(error)
    }
    const finish = (submitted: LinkSubmitted, view: LinkView | null, model: SurveyModel | null) => {
      setNotice(null)
      setPhase({ name: 'done', view, model, submitted })
      callbacks.current.onSubmitted?.(submitted, view)
    }

    // One response in flight at a time (a resumed one included), so a second click can never
    // send the same answers under a second key; `stored` completes the form without sending.
    let busy = false
    let stored = false

    function attach(view: LinkView, model: SurveyModel) {
      model.onCompleting.add(async (sender: SurveyModel, options: CompletingEvent) => {
        if (stored) return
        if (busy) {
          options.allow = false
          return
        }
        busy = true
        setNotice({ role: 'status', text: text().submitting })
        const sent = await client.submit(sender.data, waiting)
        busy = false
        if (sent.ok) {
          stored = true
          finish(sent.value, view, sender)
          return
        }
        options.allow = false
        refused(sent.error)
        if (sent.error.code === 'aborted') return
        if (sent.error.code === 'invalidAnswers') {
          const rest = showServerErrors(sender, sent.error)
          const extra = rest.map((e) => `${e.question}: ${e.message}`).join('；')
          setNotice({ role: 'alert', text: [text().invalid, extra].filter(Boolean).join(' ') })
        } else {
          setNotice({ role: 'alert', text: linkErrorText(sent.error, langRef.current) })
        }
      })
    }

    async function start() {
      const pending = client.pending()
      const known = fetched.current.by === client ? fetched.current.view : undefined
      const viewed: LinkResult<LinkView> = known
        ? { ok: true, value: known }
        : await client.view(signal)
      if (signal.aborted) return
      let shown: { view: LinkView; model: SurveyModel } | null = null
      if (viewed.ok && (viewed.value.campaign.accepting || pending)) {
        const view = viewed.value
        // The server has drawn this respondent's questions already: no `personalize` here
        // (which keeps the draw code out of the embed's bundle).
        const model = new SanitizedModel(view.form)
        setSurveyLocale(model, langRef.current === 'en' ? 'en' : 'zh-cn')
        if (pending) model.mergeData(pending.answers)
        callbacks.current.prepareModel?.(model, view)
        attach(view, model)
        shown = { view, model }
        setPhase({ name: 'answering', view, model })
        callbacks.current.onReady?.(view)
      }
      // A response saved earlier goes first: its token may already read as used because the
      // server stored it while the page never heard back — the same key then replays it.
      if (pending) {
        busy = true
        setNotice({ role: 'status', text: text().resuming })
      }
      const resumed: LinkResult<LinkSubmitted> | null = pending
        ? await client.resume(waiting)
        : null
      busy = false
      if (signal.aborted) return
      if (resumed?.ok) {
        stored = true
        shown?.model.doComplete()
        finish(resumed.value, shown?.view ?? null, shown?.model ?? null)
        return
      }
      if (resumed) {
        refused(resumed.error)
        setNotice({ role: 'alert', text: linkErrorText(resumed.error, langRef.current) })
      }
      if (shown) return
      const error: LinkError = viewed.ok
        ? {
            code: 'campaignNotOpen',
            status: 409,
            message: 'The campaign is not taking responses',
            details: null,
          }
        : viewed.error
      refused(error)
      setPhase({ name: 'failed', error })
    }
    void start()
    return () => abort.abort()
  }, [client])

  useEffect(() => {
    if (phase.name === 'answering' || phase.name === 'done')
      if (phase.model) setSurveyLocale(phase.model, lang === 'en' ? 'en' : 'zh-cn')
  }, [phase, lang])

  const text = LINK_TEXT[lang]
  const other: Locale = lang === 'en' ? 'zh-CN' : 'en'
  const score = phase.name === 'done' && phase.view?.showScore ? phase.submitted.score : null
  if (phase.name === 'done' && renderDone) {
    const { submitted, view, model } = phase
    return (
      <div className="ys-link-survey" lang={lang === 'en' ? 'en' : 'zh-CN'}>
        {renderDone({ submitted, view, model, locale: lang })}
      </div>
    )
  }
  return (
    <div className="ys-link-survey" lang={lang === 'en' ? 'en' : 'zh-CN'}>
      {localeSwitch && (
        <div className="ys-toolbar">
          <button
            type="button"
            className="ys-locale"
            lang={other === 'en' ? 'en' : 'zh-CN'}
            aria-label={text.switchLabel}
            onClick={() => setLang(other)}
          >
            {text.switchTo}
          </button>
        </div>
      )}
      {phase.name === 'loading' && <p role="status">{text.loading}</p>}
      {phase.name === 'failed' &&
        (renderError ? (
          renderError(phase.error, lang)
        ) : (
          <p role="alert" className="ys-error" data-code={phase.error.code}>
            {linkErrorText(phase.error, lang)}
          </p>
        ))}
      {notice && (
        <p role={notice.role} className={notice.role === 'alert' ? 'ys-error' : 'ys-notice'}>
          {notice.text}
        </p>
      )}
      {(phase.name === 'answering' || phase.name === 'done') && phase.model && (
        <Survey model={phase.model} />
      )}
      {phase.name === 'done' && !phase.model && <p className="ys-thanks">{text.thanks}</p>}
      {score && (
        <p className="ys-score" role="status">
          {text.score(format(score.score), format(score.maxScore), format(score.percent))}
        </p>
      )}
    </div>
  )
}

function format(value: number): string {
  return String(Math.round(value * 10) / 10)
}
