import type { Locale } from '@yardstick/sdk/link'
import { TEXT } from '../i18n'
import { MessagePage } from './MessagePage'
import { TokenForm } from './TokenForm'

/** Props of `TokenPage`. */
export interface TokenPageProps {
  locale: Locale
  onToken: (token: string) => void
  /** Where to sign in instead, on a link that is not anonymous (its draw needs a respondent). */
  signIn?: string
}

/**
 * Asks for the one-time token when the link needs one and the address brought none (a slip
 * read aloud, a link copied without its token).
 *
 * @example
 * <TokenPage locale="zh-CN" onToken={open} />
 */
export function TokenPage({ locale, onToken, signIn }: TokenPageProps) {
  const text = TEXT[locale]
  return (
    <MessagePage kind="token" heading={text.tokenTitle}>
      <p>{text.tokenIntro}</p>
      <TokenForm locale={locale} onToken={onToken} />
      {signIn && (
        <p className="rs-or-sign-in rs-no-print">
          {text.orSignIn}{' '}
          <a className="rs-button" href={signIn}>
            {text.signInButton}
          </a>
        </p>
      )}
    </MessagePage>
  )
}
