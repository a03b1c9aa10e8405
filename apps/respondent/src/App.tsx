import {
  createLinkClient,
  type LinkClient,
  type LinkError,
  type LinkView,
  type Locale,
  localizedText,
} from '@yardstick/sdk/link'
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react'
import { type Address, readAddress, signInHref, withToken } from './address'
import { initialElder, rememberElder } from './elder'
import { TEXT } from './i18n'
import { deviceStorage, initialLocale, rememberLocale } from './language'
import { ErrorPage } from './pages/ErrorPage'
import { LoadBoundary } from './pages/LoadBoundary'
import { Shell } from './pages/Shell'
import { SignInPage } from './pages/SignInPage'
import { StartPage } from './pages/StartPage'
import { TokenForm } from './pages/TokenForm'
import { TokenPage } from './pages/TokenPage'
import { nextStep, type Step } from './steps'

// survey-core, its renderer and their styles load only once there is a form to answer.
const Answer = lazy(() => import('./answer/Answer'))

/** Where the page is, once the link has been read. */
type Phase = { name: 'loading' } | Step

/**
 * The respondent's page: reads the link from the address, asks the server what it is, and
 * shows the one page that fits — the form, the token form, the start of a timed quiz, a sign-in
 * for an assessor, or a clear page for a refusal — in the respondent's language.
 *
 * @example
 * createRoot(root).render(<App />)
 */
export function App() {
  const [address, setAddress] = useState(() => readAddress(new URL(window.location.href)))
  const [locale, setLocale] = useState<Locale>(() => initialLocale(address.lang, deviceStorage()))
  const localeRef = useRef(locale)
  localeRef.current = locale
  const client = useMemo(
    () =>
      createLinkClient({
        server: window.location.origin,
        link: address.slug,
        token: address.token,
        locale: () => localeRef.current,
      }),
    [address.slug, address.token],
  )
  const [phase, setPhase] = useState<Phase>({ name: 'loading' })
  const [view, setView] = useState<LinkView | null>(null)
  const [elder, setElder] = useState(() => initialElder(deviceStorage()))
  // Errors shown on the form: the title says so first (a screen reader hears it on focus).
  const [invalid, setInvalid] = useState(false)
  const text = TEXT[locale]

  useEffect(() => {
    document.documentElement.lang = locale
    const title = view ? `${view.campaign.name} · ${text.brand}` : text.brand
    document.title = invalid ? `${text.errorTitle}${title}` : title
  }, [locale, view, text, invalid])

  useEffect(() => {
    const abort = new AbortController()
    setPhase({ name: 'loading' })
    void firstStep(client, address, abort.signal).then(({ step, view: read }) => {
      if (abort.signal.aborted) return
      if (read) setView(read)
      setPhase(step)
    })
    return () => abort.abort()
  }, [client, address])

  const changeLocale = (next: Locale) => {
    setLocale(next)
    rememberLocale(next, deviceStorage())
  }
  // 长辈版 raises the root's text size (rem), which SurveyJS's units follow too.
  useEffect(() => {
    document.documentElement.classList.toggle('rs-elder', elder)
  }, [elder])
  const changeElder = (on: boolean) => {
    setElder(on)
    rememberElder(on, deviceStorage())
  }
  const enterToken = (token: string) => {
    const url = withToken(new URL(window.location.href), token)
    window.history.replaceState(null, '', url.href)
    setAddress((current) => ({ ...current, token }))
  }
  const start = async (): Promise<LinkError | null> => {
    const started = await client.startAttempt()
    if (!started.ok) {
      if (started.error.code === 'network') return started.error
      setPhase({ name: 'error', error: started.error })
      return null
    }
    setView(started.value)
    setPhase(nextStep(started.value, { token: address.token, receivedAt: Date.now() }))
    return null
  }
  const here = () => new URL(window.location.href)

  return (
    <Shell
      locale={locale}
      onLocale={changeLocale}
      elder={elder}
      onElder={changeElder}
      campaign={view ? { name: view.campaign.name, unit: view.unit.name } : undefined}
    >
      {phase.name === 'loading' && <p role="status">{text.loading}</p>}
      {phase.name === 'error' && <ErrorPage error={phase.error} locale={locale} />}
      {phase.name === 'invalidToken' && (
        <ErrorPage error={phase.error} locale={locale}>
          <TokenForm locale={locale} onToken={enterToken} />
        </ErrorPage>
      )}
      {phase.name === 'token' && (
        <TokenPage
          locale={locale}
          onToken={enterToken}
          signIn={phase.signIn ? signInHref(here()) : undefined}
        />
      )}
      {phase.name === 'signIn' && (
        <SignInPage locale={locale} unit={phase.view.unit.name} href={signInHref(here())} />
      )}
      {phase.name === 'start' && phase.view.timeLimit && (
        <StartPage
          locale={locale}
          timeLimit={phase.view.timeLimit}
          description={localizedText(phase.view.form.description, locale === 'en' ? 'en' : 'zh-cn')}
          onStart={start}
        />
      )}
      {phase.name === 'answer' && (
        <LoadBoundary locale={locale}>
          <Suspense fallback={<p role="status">{text.loadingForm}</p>}>
            <Answer
              client={client}
              view={phase.view}
              clockOffset={phase.clockOffset}
              slug={address.slug}
              token={address.token}
              locale={locale}
              elder={elder}
              onView={setView}
              onInvalid={setInvalid}
            />
          </Suspense>
        </LoadBoundary>
      )}
    </Shell>
  )
}

/**
 * The first page for a link (and its view, when read): from a response saved on this device,
 * else from the view.
 */
async function firstStep(
  client: LinkClient,
  { slug, token }: Address,
  signal: AbortSignal,
): Promise<{ step: Step; view: LinkView | null }> {
  if (!slug) {
    const error = { code: 'notFound', status: 404, message: '', details: null }
    return { step: { name: 'error', error }, view: null }
  }
  // A response saved and not yet acknowledged goes first (the form resumes sending it).
  if (client.pending()) return { step: { name: 'answer', clockOffset: 0 }, view: null }
  const viewed = await client.view(signal)
  if (!viewed.ok) return { step: refusedStep(viewed.error), view: null }
  const view = viewed.value
  return { step: nextStep(view, { token, receivedAt: Date.now() }), view }
}

/** The page of a link the server refused to show. */
function refusedStep(error: LinkError): Step {
  switch (error.code) {
    case 'tokenRequired': {
      const anonymous = (error.details as { anonymous?: boolean } | null)?.anonymous
      return { name: 'token', signIn: anonymous === false }
    }
    case 'tokenInvalid':
      return { name: 'invalidToken', error }
    default:
      return { name: 'error', error }
  }
}
