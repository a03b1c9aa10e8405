import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'

/** The admin's screens (系统管理), in the order an office sets itself up. */
export const ADMIN_PAGES = [
  { key: 'orgs', path: '/admin/orgs' },
  { key: 'orgImport', path: '/admin/orgs/import' },
  { key: 'users', path: '/admin/users' },
  { key: 'peopleImport', path: '/admin/users/import' },
  { key: 'audit', path: '/admin/audit' },
] as const
export type AdminPage = (typeof ADMIN_PAGES)[number]['key']

/** The tabs above every admin screen, the current one marked. */
export function AdminNav({ current }: { current: AdminPage }) {
  const { t } = useI18n()
  return (
    <nav className="admin-nav" aria-label={t('admin.nav')}>
      {ADMIN_PAGES.map((page) => (
        <Link
          key={page.key}
          to={page.path}
          aria-current={page.key === current ? 'page' : undefined}
        >
          {t(`admin.page.${page.key}`)}
        </Link>
      ))}
    </nav>
  )
}
