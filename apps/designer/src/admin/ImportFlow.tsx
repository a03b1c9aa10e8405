import type { ImportReport } from '@yardstick/contract'
import { type FormEvent, type ReactNode, useId, useState } from 'react'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { ImportReportTable } from './ImportReportTable'
import { canApply } from './import-report'
import { useUpload } from './upload'

/**
 * A spreadsheet import in two steps: choose a CSV or XLSX file and try it (`?dryRun=true`: the
 * table of what it would do), then apply it — offered only when nothing is refused — which sends
 * the same file again (`?dryRun=false`, one transaction) and shows what was done.
 *
 * @param path the import's route, its query (e.g. `?root=4`) following the dry-run flag
 * @param applied what to show beside the result once applied (the people's credentials)
 */
export function ImportFlow<R extends ImportReport>({
  path,
  query = '',
  applied,
}: {
  path: string
  query?: string
  applied?: (report: R) => ReactNode
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const upload = useUpload()
  const id = useId()
  const [file, setFile] = useState<File | null>(null)
  const [report, setReport] = useState<R | null>(null)
  const [busy, setBusy] = useState<'dryRun' | 'apply' | null>(null)
  const [failure, setFailure] = useState<unknown>(null)

  const send = async (dryRun: boolean) => {
    if (!file) return
    setBusy(dryRun ? 'dryRun' : 'apply')
    setFailure(null)
    try {
      setReport(await upload<R>(`${path}?dryRun=${dryRun}${query}`, file))
    } catch (caught) {
      setFailure(caught)
    } finally {
      setBusy(null)
    }
  }
  const tryFile = (event: FormEvent) => {
    event.preventDefault()
    void send(true)
  }

  return (
    <div className="import-flow">
      <form onSubmit={tryFile} className="import-choose card">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setReport(null)
              setFailure(null)
            }}
          />
          <p id={`${id}-hint`} className="hint">
            {t('import.fileHint')}
          </p>
        </div>
        <button type="submit" className="primary" disabled={!file || busy !== null}>
          {busy === 'dryRun' ? t('import.trying') : t('import.dryRun')}
        </button>
      </form>
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
      {report && (
        <section className="card" aria-live="polite">
          <h2>{report.applied ? t('import.appliedTitle') : t('import.dryRunTitle')}</h2>
          {report.dryRun && report.counts.refuse > 0 && (
            <p className="notice" role="alert">
              {t('import.fixRefusals', { n: report.counts.refuse })}
            </p>
          )}
          {report.applied && <p className="ok">{t('import.appliedBody')}</p>}
          <ImportReportTable report={report} />
          {report.dryRun && (
            <button
              type="button"
              className="primary"
              disabled={!canApply(report) || busy !== null}
              onClick={() => void send(false)}
            >
              {busy === 'apply' ? t('import.applying') : t('import.apply')}
            </button>
          )}
          {report.applied && applied?.(report)}
        </section>
      )}
    </div>
  )
}
