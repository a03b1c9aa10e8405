import { useSession, useSignedIn } from '../auth/SessionProvider'
import { branchUnits, isBranchOnly } from '../branch/units'
import { useI18n } from '../i18n/I18nProvider'
import { Link, useRoute } from '../router'
import { LanguageToggle } from './LanguageToggle'

/** The bar on every signed-in page: name, navigation, language, user, sign-out. */
export function AppHeader() {
  const { t, locale } = useI18n()
  const { signOut } = useSession()
  const { user } = useSignedIn()
  const route = useRoute()
  const inForms = route.page === 'forms' || route.page === 'editor'
  const inCampaigns = [
    'campaigns',
    'results',
    'newCampaign',
    'campaignAdmin',
    'unitDetail',
  ].includes(route.page)
  const inBranch = route.page === 'branch' || route.page === 'selfCheck'
  return (
    <header className="app-header">
      <span className="brand">
        {t('app.name')} <small>{locale === 'en' ? '标尺' : 'Yardstick'}</small>
      </span>
      <nav aria-label={t('nav.label')} className="app-nav">
        {!isBranchOnly(user) && (
          <Link to="/" aria-current={inForms ? 'page' : undefined}>
            {t('nav.forms')}
          </Link>
        )}
        <Link to="/campaigns" aria-current={inCampaigns ? 'page' : undefined}>
          {t('nav.campaigns')}
        </Link>
        {branchUnits(user).length > 0 && (
          <Link to="/branch" aria-current={inBranch ? 'page' : undefined}>
            {t('nav.branch')}
          </Link>
        )}
      </nav>
      <span className="spacer" />
      <LanguageToggle />
      <span className="user" title={t('nav.user', { name: user.name })}>
        {user.name}
      </span>
      <button type="button" className="link" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </button>
    </header>
  )
}
