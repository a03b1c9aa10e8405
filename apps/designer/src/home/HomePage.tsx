import { useEffect } from 'react'
import { useSignedIn } from '../auth/SessionProvider'
import { hasNext } from '../auth/useReturnToNext'
import { useI18n } from '../i18n/I18nProvider'
import { navigate } from '../router'
import { homeOf } from './home-route'

/**
 * `/`: forwards the signed-in user to the home that fits their roles (`homeOf`), in place of
 * `/` in the history (unless a `?next=` link is being returned to); an account without any role is told so here rather than refused elsewhere.
 */
export function HomePage() {
  const { t } = useI18n()
  const { user } = useSignedIn()
  const home = homeOf(user)
  useEffect(() => {
    // A sign-in that came from a link (`/?next=…`) goes back there instead (useReturnToNext).
    if (home && !hasNext()) navigate(home.path, { replace: true })
  }, [home])
  if (home) return <p className="page muted">{t('home.redirecting')}</p>
  return (
    <main className="page" data-home="none">
      <h1>{t('home.noRole.title')}</h1>
      <p className="notice">{t('home.noRole.body')}</p>
    </main>
  )
}
