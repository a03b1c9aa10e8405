import 'survey-core/survey-core.css'
import 'survey-core/collaboration.css'
import 'survey-core/i18n/simplified-chinese'
import { closeReasonOf, isRefusal } from '@yardstick/doc'
import { type CoFill, createCoFill, createSurveyModel } from '@yardstick/sdk/react'
import { useEffect, useMemo, useState } from 'react'
import type { SurveyModel } from 'survey-core'
import { Survey } from 'survey-react-ui'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { SelfCheck } from '../api/branch'
import { useSignedIn } from '../auth/SessionProvider'
import { defaultServerUrl } from '../collab/form-session'
import { useI18n } from '../i18n/I18nProvider'

type Link = 'connecting' | 'connected' | { closed: number }

/**
 * The self-check filled together: survey-core's `CollaborationPlugin` over the response document
 * `/collab/response/:selfCheckId` (`createCoFill` from the SDK), all items on one page so the
 * committee sees each other's answers as they come. `onAnswers` hears every change, anyone's.
 * Once the self-check leaves draft the server freezes the document and the survey turns
 * read-only.
 */
export function CoFillSurvey({
  selfCheck,
  onAnswers,
}: {
  selfCheck: SelfCheck
  onAnswers: () => void
}) {
  const { t, locale } = useI18n()
  const closeText = (code: number) => {
    const reason = closeReasonOf(code)
    return reason ? t(`close.${reason}`) : t('close.unknown', { code })
  }
  const { user } = useSignedIn()
  const [model, setModel] = useState<SurveyModel | null>(null)
  const [link, setLink] = useState<Link>('connecting')
  const [docFrozen, setFrozen] = useState(false)
  // This page knows first when its own approval went through; the document follows (COL25).
  const frozen = docFrozen || selfCheck.status !== 'draft'
  const surveyLocale = locale === 'en' ? 'en' : 'zh-cn'

  useEffect(() => {
    const survey = createSurveyModel(selfCheck.form, {
      answers: selfCheck.answers,
      locale: surveyLocale,
    })
    survey.questionsOnPageMode = 'singlePage'
    survey.showNavigationButtons = false
    const doc = new Y.Doc()
    // Signed in by the session cookie the browser sends with the upgrade.
    const provider = new WebsocketProvider(defaultServerUrl(), `response/${selfCheck.id}`, doc, {
      maxBackoffTime: 5000,
      // Stops only when refused; after a restart or any other close it resyncs (SPEC [COL7]).
      shouldReconnect: (event) => !isRefusal(event.code),
    })
    const coFill: CoFill = createCoFill(survey, { doc, provider, user: { name: user.name } })
    const onStatus = ({ status }: { status: string }) =>
      setLink(status === 'connected' ? 'connected' : 'connecting')
    // A refusal (4401/4403/4404): the provider stops; its code says why (the server's reason
    // text is English, for logs).
    const onClose = (event: { code: number }) => setLink({ closed: event.code })
    const meta = doc.getMap('meta')
    const onMeta = () => setFrozen(coFill.frozen)
    const answers = doc.getMap('answers')
    answers.observe(onAnswers)
    meta.observe(onMeta)
    provider.on('status', onStatus)
    provider.on('closed', onClose)
    setModel(survey)
    return () => {
      answers.unobserve(onAnswers)
      meta.unobserve(onMeta)
      provider.off('status', onStatus)
      provider.off('closed', onClose)
      coFill.destroy()
      provider.destroy()
      doc.destroy()
      setModel(null)
    }
    // One connection per self-check and language; answers arrive through the document.
  }, [selfCheck.id, user.id, user.name, surveyLocale])

  useEffect(() => {
    if (model && frozen) model.readOnly = true
  }, [model, frozen])
  // Rendered once per model: the page around it re-renders on every live refresh, and a
  // re-render must not reach the inputs someone is typing in.
  const survey = useMemo(() => model && <Survey model={model} />, [model])

  return (
    <section className="cofill" aria-labelledby="cofill-h">
      <h2 id="cofill-h">{t('branch.filling')}</h2>
      <p className="muted">{t('branch.together')}</p>
      {/* Once frozen the server closes writers (4403, COL25): that close is expected, not news. */}
      {!frozen && (
        <p
          className="cofill-link"
          role="status"
          data-state={typeof link === 'string' ? link : 'closed'}
        >
          {typeof link === 'string'
            ? t(`branch.connection.${link}`)
            : t('branch.connection.closed', { reason: closeText(link.closed) })}
        </p>
      )}
      {frozen && (
        <p className="notice" role="note">
          {t('branch.frozen')}
        </p>
      )}
      {survey}
    </section>
  )
}
