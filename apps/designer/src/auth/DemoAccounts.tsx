import { useI18n } from '../i18n/I18nProvider'

/** A demo account as the server lists it in the page (never with its password). */
interface DemoAccount {
  role: string
  email: string
  name: string
  scope: string
}

/** The demo accounts the server put in the page (`<script id="yardstick-demo-accounts">`). */
function readDemoAccounts(): DemoAccount[] {
  const script = document.getElementById('yardstick-demo-accounts')
  if (!script?.textContent) return []
  try {
    const parsed = JSON.parse(script.textContent) as unknown
    return Array.isArray(parsed) ? (parsed as DemoAccount[]) : []
  } catch {
    return []
  }
}

/** Lists the demo accounts; picking one fills the email field. */
export function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  const { t } = useI18n()
  const accounts = readDemoAccounts()
  if (accounts.length === 0) return null
  return (
    <section className="demo-accounts" aria-label={t('signIn.demo')}>
      <h2>{t('signIn.demo')}</h2>
      <ul>
        {accounts.map((a) => (
          <li key={a.email}>
            <button
              type="button"
              className="link"
              aria-label={t('signIn.useDemo', { email: a.email })}
              onClick={() => onPick(a.email)}
            >
              {a.email}
            </button>
            <span className="muted">
              {' '}
              {a.role} · {a.name}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('signIn.demoHint')}</p>
    </section>
  )
}
