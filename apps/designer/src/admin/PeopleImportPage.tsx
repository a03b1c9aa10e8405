import './admin.css'
import type { ImportCredential, UserImportReport } from '@yardstick/contract'
import { useI18n } from '../i18n/I18nProvider'
import { AdminNav } from './AdminNav'
import { ImportFlow } from './ImportFlow'
import { TemplateLink } from './TemplateLink'

/** The columns of the people file, as the template heads them (aliases accepted). */
export const PEOPLE_COLUMNS = ['email', 'name', 'unitCode', 'unit', 'role'] as const

/**
 * 导入人员 (`/admin/users/import`): a CSV or XLSX of people with their unit and role, tried first
 * and then applied; the new accounts' temporary passwords listed once, to print and hand out.
 */
export function PeopleImportPage() {
  const { t } = useI18n()
  return (
    <main className="page admin">
      <AdminNav current="peopleImport" />
      <div className="page-head">
        <h1>{t('peopleImport.title')}</h1>
        <span className="spacer" />
        <TemplateLink
          name="people-template.csv"
          header={PEOPLE_COLUMNS.map((c) => t(`peopleImport.column.${c}`))}
          label={t('orgImport.template')}
        />
      </div>
      <p className="muted">{t('peopleImport.intro')}</p>
      <ImportFlow<UserImportReport>
        path="/api/users/import"
        applied={(report) => <CredentialsList credentials={report.credentials ?? []} />}
      />
    </main>
  )
}

/**
 * The new accounts' first passwords, shown this once, as a list to print (the rest of the page
 * hides on paper) and hand to each person.
 */
export function CredentialsList({ credentials }: { credentials: readonly ImportCredential[] }) {
  const { t } = useI18n()
  if (credentials.length === 0) return <p className="muted">{t('peopleImport.noCredentials')}</p>
  return (
    <section className="credentials" aria-labelledby="credentials-title">
      <div className="page-head">
        <h2 id="credentials-title">{t('peopleImport.credentials', { n: credentials.length })}</h2>
        <span className="spacer" />
        <button type="button" className="no-print" onClick={() => window.print()}>
          {t('peopleImport.print')}
        </button>
      </div>
      <p className="notice">{t('users.tempWarning')}</p>
      <table className="data-table credentials-table">
        <thead>
          <tr>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('peopleImport.password')}</th>
          </tr>
        </thead>
        <tbody>
          {credentials.map((c) => (
            <tr key={c.email} data-credential={c.email}>
              <th scope="row">{c.name}</th>
              <td>{c.email}</td>
              <td className="mono">{c.temporaryPassword}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
