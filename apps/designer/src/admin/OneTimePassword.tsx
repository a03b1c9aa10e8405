import { CopyButton } from '../campaigns/CopyButton'
import { useI18n } from '../i18n/I18nProvider'

/**
 * A temporary password, shown this once (the server keeps only its hash): the password, a copy
 * button and the warning that it will not be shown again and must be changed at first sign-in.
 */
export function OneTimePassword({
  email,
  password,
  onDismiss,
}: {
  email: string
  password: string
  onDismiss: () => void
}) {
  const { t } = useI18n()
  return (
    <section className="card one-time" role="status" aria-label={t('users.tempTitle', { email })}>
      <h2>{t('users.tempTitle', { email })}</h2>
      <p className="one-time-password">
        <code className="mono" data-temporary-password={email}>
          {password}
        </code>{' '}
        <CopyButton text={password} label={t('users.copyPassword')} />
      </p>
      <p className="notice">{t('users.tempWarning')}</p>
      <button type="button" onClick={onDismiss}>
        {t('users.tempDone')}
      </button>
    </section>
  )
}
