import { useSession, useSignedIn } from '../auth/SessionProvider'
import { type NavKey, navItemsOf } from '../home/home-route'
import { useI18n } from '../i18n/I18nProvider'
import { Link, type Route, useRoute } from '../router'
import { LanguageToggle } from './LanguageToggle'

// Which section each page belongs to, so its link shows as the current one.
const SECTION_OF: Partial<Record<Route['page'], NavKey>> = {
  overview: 'overview',
  forms: 'forms',
  editor: 'forms',
  review: 'review',
  campaigns: 'campaigns',
  results: 'campaigns',
  newCampaign: 'campaigns',
  campaignAdmin: 'campaigns',
  campaignSettings: 'campaigns',
  participation: 'campaigns',
  linkSheet: 'campaigns',
  unitDetail: 'campaigns',
  rectifications: 'rectifications',
  branch: 'branch',
  selfCheck: 'branch',
  rectification: 'branch',
  assess: 'assess',
  adminOrgs: 'admin',
  orgImport: 'admin',
  adminUsers: 'admin',
  peopleImport: 'admin',
  audit: 'admin',
}

/**
 * The bar on every signed-in page: name, the sections the user's roles use (`navItemsOf`),
 * language, user, 修改密码, sign-out; `minimal` (while a temporary password must be changed) shows
 * no sections and no way elsewhere.
 */
export function AppHeader({ minimal = false }: { minimal?: boolean }) {
  const { t, locale } = useI18n()
  const { signOut } = useSession()
  const { user } = useSignedIn()
  const page = useRoute().page
  const current = SECTION_OF[page]
  return (
    <header className="app-header">
      <span className="brand">
        {t('app.name')} <small>{locale === 'en' ? '标尺' : 'Yardstick'}</small>
      </span>
      <nav aria-label={t('nav.label')} className="app-nav">
        {(minimal ? [] : navItemsOf(user)).map((item) => (
          <Link
            key={item.key}
            to={item.path}
            aria-current={current === item.key ? 'page' : undefined}
          >
            {t(`nav.${item.key}`)}
          </Link>
        ))}
      </nav>
      <span className="spacer" />
      <LanguageToggle />
      <span className="user" title={t('nav.user', { name: user.name })}>
        {user.name}
      </span>
      {!minimal && (
        <Link
          to="/account/password"
          className="link"
          aria-current={page === 'password' ? 'page' : undefined}
        >
          {t('nav.password')}
        </Link>
      )}
      <button type="button" className="link" onClick={() => void signOut()}>
        {t('nav.signOut')}
      </button>
    </header>
  )
}
