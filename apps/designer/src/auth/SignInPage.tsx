import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api/client'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { LanguageToggle } from '../layout/LanguageToggle'
import { DemoAccounts } from './DemoAccounts'
import { useSession } from './SessionProvider'
import { hasNext } from './useReturnToNext'

/** Email and password; the server sets the session's httpOnly cookie, which signs the page in. */
export function SignInPage() {
  const { t, locale } = useI18n()
  const { signIn } = useSession()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const errorText = useErrorText()
  const id = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await signIn(email.trim(), password)
    } catch (caught) {
      setError(caught)
      setBusy(false)
    }
  }

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>
            {t('app.name')} <small>{locale === 'en' ? '标尺' : 'Yardstick'}</small>
          </h1>
          <LanguageToggle />
        </div>
        <p className="muted">{t('app.tagline')}</p>
        <form onSubmit={submit} aria-labelledby={`${id}-title`}>
          <h2 id={`${id}-title`}>{t('signIn.title')}</h2>
          {hasNext() && <p className="notice">{t('signIn.returnNote')}</p>}
          <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {error !== null && (
            <p role="alert" className="error">
              {error instanceof ApiError && error.status === 401
                ? t('signIn.failed')
                : errorText(error)}
            </p>
          )}
          <button type="submit" className="primary sign-in-submit" disabled={busy}>
            {busy ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
        <DemoAccounts onPick={setEmail} />
      </div>
    </main>
  )
}
