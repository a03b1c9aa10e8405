import type { ImportReport } from '@yardstick/contract'
import { useI18n } from '../i18n/I18nProvider'
import { type MessageKey, zhCN } from '../i18n/zh-CN'
import { changesText, reportGroups } from './import-report'

const has = (key: string): key is MessageKey => Object.hasOwn(zhCN, key)

/**
 * What an import (units or people) would do or did, row by row: the counts, then a table grouped
 * by action — refusals first, each issue on its own line with the row number as the spreadsheet
 * shows it, the column and why — then what is created, changed (before → after) and left as it
 * is. The one table both imports show.
 */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const { t } = useI18n()
  const groups = reportGroups(report)
  const fieldName = (field: string) => {
    const key = `importField.${field}`
    return has(key) ? t(key) : field
  }
  const issueText = (issue: { code: string; message: string }) => {
    const key = `importIssue.${issue.code}`
    return has(key) ? t(key) : issue.message
  }
  return (
    <section className="import-report" aria-label={t('import.reportLabel')}>
      <p className="import-counts" role="status">
        {(['create', 'update', 'unchanged', 'refuse'] as const).map((action) => (
          <span
            key={action}
            className={report.counts[action] > 0 ? `badge import-${action}` : 'badge'}
            data-count={action}
          >
            {t(`import.count.${action}`, { n: report.counts[action] })}
          </span>
        ))}
      </p>
      {groups.length === 0 && <p className="muted">{t('import.noRows')}</p>}
      {groups.length > 0 && (
        <div className="table-scroll">
          <table className="data-table import-table">
            <thead>
              <tr>
                <th scope="col">{t('import.col.row')}</th>
                <th scope="col">{t('import.col.action')}</th>
                <th scope="col">{t('import.col.label')}</th>
                <th scope="col">{t('import.col.column')}</th>
                <th scope="col">{t('import.col.message')}</th>
              </tr>
            </thead>
            {groups.map((group) => (
              <tbody key={group.action} data-action={group.action}>
                <tr className="import-group">
                  <th scope="rowgroup" colSpan={5}>
                    {t(`import.${report.applied ? 'done' : 'group'}.${group.action}`, {
                      n: group.rows,
                    })}
                  </th>
                </tr>
                {group.lines.map((line) => (
                  <tr key={line.key} data-row={line.row} className={`import-${line.action}`}>
                    {line.first && (
                      <>
                        <td rowSpan={line.span} className="num">
                          {line.row}
                        </td>
                        <td rowSpan={line.span}>{t(`import.action.${line.action}`)}</td>
                        <td rowSpan={line.span}>{line.label}</td>
                      </>
                    )}
                    <td>{line.column ?? ''}</td>
                    <td>
                      {line.issue
                        ? issueText(line.issue)
                        : changesText(line.changes, fieldName).map((text) => (
                            <div key={text}>{text}</div>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  )
}
