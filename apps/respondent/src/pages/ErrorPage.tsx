import { type LinkError, type Locale, linkErrorText } from '@yardstick/sdk/link'
import type { ReactNode } from 'react'
import { type Heading, TEXT } from '../i18n'
import { MessagePage } from './MessagePage'

/**
 * Which page a refusal is: the codes a respondent meets each have their own heading, a
 * `campaignNotOpen` is "closed" once closed or past its end, else "not yet open".
 *
 * @example
 * headingOf({ code: 'tokenUsed', status: 409, message: '', details: null }) // 'tokenUsed'
 */
export function headingOf(error: LinkError, now = Date.now()): Heading {
  switch (error.code) {
    case 'notFound':
    case 'tokenUsed':
    case 'tokenInvalid':
    case 'forbidden':
    case 'network':
      return error.code
    case 'timeLimitExceeded':
      return 'timeUp'
    case 'conflict':
      return 'workflow'
    case 'campaignNotOpen': {
      // As linkErrorText words it: closed, or past its end; else not open yet (a draft too).
      const { status, closesAt } = (error.details ?? {}) as Record<string, unknown>
      const closes = typeof closesAt === 'string' ? Date.parse(closesAt) : Number.NaN
      return status === 'closed' || closes < now ? 'closed' : 'notYetOpen'
    }
    default:
      return 'failed'
  }
}

/** Props of `ErrorPage`. */
export interface ErrorPageProps {
  error: LinkError
  locale: Locale
  /** More actions (e.g. the token form again after an invalid token). */
  children?: ReactNode
}

/**
 * The page of a refusal that leaves nothing to answer, in the respondent's language: its own
 * heading, the SDK's sentence for the code (`linkErrorText`, never the server's English: an
 * unexpected code reads as "cannot be opened now"), and what can be done (reload after a network
 * failure; the designer for a self-check).
 *
 * @example
 * <ErrorPage error={error} locale="zh-CN" />
 */
export function ErrorPage({ error, locale, children }: ErrorPageProps) {
  const text = TEXT[locale]
  const kind = headingOf(error)
  const reload = (
    <button type="button" className="rs-button" onClick={() => window.location.reload()}>
      {text.retry}
    </button>
  )
  return (
    <MessagePage
      kind={kind}
      heading={text.headings[kind]}
      role="alert"
      actions={
        kind === 'network' || kind === 'failed' ? (
          reload
        ) : kind === 'workflow' ? (
          <a className="rs-button" href="/">
            {text.signInButton}
          </a>
        ) : undefined
      }
    >
      {/* A code the SDK has no sentence for would read as the server's own prose: not here. */}
      <p>{kind === 'failed' ? text.failed : linkErrorText(error, locale)}</p>
      {children}
    </MessagePage>
  )
}
