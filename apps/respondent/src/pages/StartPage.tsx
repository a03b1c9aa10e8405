import { type LinkError, type LinkTimeLimit, type Locale, linkErrorText } from '@yardstick/sdk/link'
import { useState } from 'react'
import { TEXT } from '../i18n'
import { MessagePage } from './MessagePage'

/** Props of `StartPage`. */
export interface StartPageProps {
  locale: Locale
  timeLimit: LinkTimeLimit
  /** The form's description (what the quiz covers), already in the respondent's language. */
  description?: string
  /** Starts the countdown; resolves with the refusal when the server refuses. */
  onStart: () => Promise<LinkError | null>
}

/**
 * Before a timed quiz: how many questions and how many minutes, that the clock does not stop,
 * and the button that starts it. No question is shown (nor sent) before.
 *
 * @example
 * <StartPage locale="zh-CN" timeLimit={view.timeLimit} onStart={start} />
 */
export function StartPage({ locale, timeLimit, description, onStart }: StartPageProps) {
  const text = TEXT[locale]
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<LinkError | null>(null)
  const start = async () => {
    setBusy(true)
    const refused = await onStart()
    setBusy(false)
    setError(refused)
  }
  return (
    <MessagePage
      kind="start"
      heading={text.startTitle}
      actions={
        <button
          type="button"
          className="rs-button rs-primary"
          onClick={() => void start()}
          disabled={busy}
        >
          {busy ? text.starting : text.startButton}
        </button>
      }
    >
      <p>{text.startIntro(timeLimit.minutes, timeLimit.questionCount)}</p>
      {description && <p className="rs-description">{description}</p>}
      {error && (
        <p className="rs-field-error" role="alert">
          {linkErrorText(error, locale)}
        </p>
      )}
    </MessagePage>
  )
}
