import './admin.css'
import { useId, useState } from 'react'
import { useOrgs } from '../campaigns/useOrgs'
import { useI18n } from '../i18n/I18nProvider'
import { AdminNav } from './AdminNav'
import { ImportFlow } from './ImportFlow'
import { allNodes } from './org-tree'
import { TemplateLink } from './TemplateLink'

/** The columns of the organisation file, as the template heads them (aliases accepted). */
export const ORG_COLUMNS = ['code', 'name', 'parentCode', 'parent', 'kind', 'unitType'] as const

/**
 * 导入组织 (`/admin/orgs/import`): a CSV or XLSX of units tried first, then applied; the export
 * of the tree in the same format, and a template with the header row.
 */
export function OrgImportPage() {
  const { t } = useI18n()
  const id = useId()
  const orgs = useOrgs()
  const [root, setRoot] = useState('')
  const roots = allNodes(orgs.data?.items ?? []).filter(
    ({ node }) => node.kind !== 'branch' && node.reached && !node.retiredAt,
  )
  return (
    <main className="page admin">
      <AdminNav current="orgImport" />
      <div className="page-head">
        <h1>{t('orgImport.title')}</h1>
        <span className="spacer" />
        <a className="button" href="/api/orgs/export.csv" download>
          {t('orgImport.exportCsv')}
        </a>
        <a className="button" href="/api/orgs/export.xlsx" download>
          {t('orgImport.exportXlsx')}
        </a>
        <TemplateLink
          name="orgs-template.csv"
          header={ORG_COLUMNS.map((c) => t(`orgImport.column.${c}`))}
          label={t('orgImport.template')}
        />
      </div>
      <p className="muted">{t('orgImport.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-root`}>{t('orgImport.root')}</label>
        <select id={`${id}-root`} value={root} onChange={(e) => setRoot(e.target.value)}>
          <option value="">{t('orgImport.rootDefault')}</option>
          {roots.map(({ node, depth }) => (
            <option key={node.id} value={node.id}>
              {'\u3000'.repeat(depth)}
              {node.name}
            </option>
          ))}
        </select>
      </div>
      <ImportFlow key={root} path="/api/orgs/import" query={root ? `&root=${root}` : ''} />
    </main>
  )
}
