import type { Locale } from '@yardstick/sdk/link'
import { TEXT } from '../i18n'
import { MessagePage } from './MessagePage'

/** Props of `SignInPage`. */
export interface SignInPageProps {
  locale: Locale
  /** The unit the scorecard assesses. */
  unit: string
  /** The designer's sign-in, coming back to this link (`signInHref`). */
  href: string
}

/**
 * An assessor's link opened signed out: why a sign-in is needed and the button that signs in
 * and comes back to the same link. Never the sign-in page itself: the link says what it is
 * first.
 *
 * @example
 * <SignInPage locale="zh-CN" unit="办公室第一党支部" href={signInHref(url)} />
 */
export function SignInPage({ locale, unit, href }: SignInPageProps) {
  const text = TEXT[locale]
  return (
    <MessagePage
      kind="signIn"
      heading={text.signInTitle}
      actions={
        <a className="rs-button rs-primary" href={href}>
          {text.signInButton}
        </a>
      }
    >
      <p>{text.signInIntro(unit)}</p>
    </MessagePage>
  )
}
