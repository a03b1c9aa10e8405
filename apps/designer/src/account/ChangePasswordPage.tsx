import type { User, WeakPasswordDetails } from '@yardstick/contract'
import { type FormEvent, useId, useState } from 'react'
import { ApiError } from '../api/client'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useSession, useSignedIn } from '../auth/SessionProvider'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { weakReasons } from './weak-reasons'

/**
 * 修改密码 (`/account/password`): the current password and a new one, twice. After signing in
 * with a temporary password (`mustChangePassword`) it is the only page the app shows (App.tsx);
 * once changed, the user goes on to their role's home. A weak password is refused in words:
 * each reason the server gives (too short, common, easy to guess).
 */
export function ChangePasswordPage({ required = false }: { required?: boolean }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const { updateUser } = useSession()
  const { user } = useSignedIn()
  const id = useId()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [again, setAgain] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [done, setDone] = useState(false)
  const mismatch = again !== '' && next !== again
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (mismatch) return
    setBusy(true)
    setFailure(null)
    try {
      // The answer is the user as `GET /api/me` gives it, the must-change cleared.
      const me = await api<User>('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      })
      setDone(true)
      setCurrent('')
      setNext('')
      setAgain('')
      updateUser(me)
      if (required) navigate('/', { replace: true })
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(false)
    }
  }
  const reasons =
    failure instanceof ApiError && failure.code === 'weakPassword'
      ? weakReasons(failure.details as Partial<WeakPasswordDetails> | undefined)
      : []
  return (
    <main className="page account">
      <h1 id={`${id}-title`}>{t('password.title')}</h1>
      {required && (
        <p className="notice" role="status">
          {t('password.required', { name: user.name })}
        </p>
      )}
      {done && !required && (
        <p className="ok" role="status">
          {t('password.changed')}
        </p>
      )}
      <form onSubmit={submit} className="card password-form" aria-labelledby={`${id}-title`}>
        <input type="hidden" autoComplete="username" value={user.email} readOnly />
        <div className="field">
          <label htmlFor={`${id}-current`}>{t('password.current')}</label>
          <input
            id={`${id}-current`}
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>{t('password.new')}</label>
          <input
            id={`${id}-new`}
            type="password"
            autoComplete="new-password"
            required
            aria-describedby={`${id}-hint`}
            aria-invalid={reasons.length > 0}
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
          <p id={`${id}-hint`} className="hint">
            {t('password.hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-again`}>{t('password.again')}</label>
          <input
            id={`${id}-again`}
            type="password"
            autoComplete="new-password"
            required
            aria-invalid={mismatch}
            aria-describedby={`${id}-mismatch`}
            value={again}
            onChange={(e) => setAgain(e.target.value)}
          />
          <p id={`${id}-mismatch`} className="error" role={mismatch ? 'alert' : undefined}>
            {mismatch ? t('password.mismatch') : ''}
          </p>
        </div>
        {failure !== null && (
          <div role="alert" className="error">
            <p>{errorText(failure)}</p>
            {reasons.length > 0 && (
              <ul className="weak-reasons">
                {reasons.map((reason) => (
                  <li key={reason.key}>{t(reason.key, reason.params)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <button
          type="submit"
          className="primary"
          disabled={busy || !current || !next || next !== again}
        >
          {t('password.submit')}
        </button>
      </form>
    </main>
  )
}
