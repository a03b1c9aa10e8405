import { applySurveyJson } from '@yardstick/doc'
import { useState } from 'react'
import type { Page, Version, VersionSummary } from '../../api/types'
import { useApi } from '../../api/useApi'
import { useErrorText } from '../../api/useErrorText'
import { useResource } from '../../api/useResource'
import { useI18n } from '../../i18n/I18nProvider'
import { Link } from '../../router'
import { useEditor } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'
import { ComparePicker } from './ComparePicker'
import { VersionDiffView } from './VersionDiffView'

/**
 * The published versions with author, time and note; restoring one applies it to the shared
 * document as ONE new edit of this editor (SPEC [DOC15]), which everyone sees and Ctrl+Z undoes.
 */
export function VersionsPanel() {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const { form, session, canWrite, versionsKey, announce } = useEditor()
  const limited = useLimitedEdit()
  const [notice, setNotice] = useState<string | null>(null)
  const [comparing, setComparing] = useState<number | null>(null)
  const path = `/api/forms/${form.id}/versions?limit=100`
  const versions = useResource(`${path}#${versionsKey}`, (signal) =>
    api<Page<VersionSummary>>(path, { signal }),
  )
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  const restore = async (version: number) => {
    const full = await api<Version>(`/api/forms/${form.id}/versions/${version}`)
    // A version published before the caps may be over them: refused, and said why.
    const applied = limited(() => {
      applySurveyJson(session.doc, full.json, session.origin)
      return true
    })
    if (!applied) return
    const text = t('versions.restored', { n: version })
    setNotice(text)
    announce(text)
  }

  return (
    <div className="versions">
      <div className="preview-tools">
        <h2 className="panel-title">{t('versions.label')}</h2>
        <button type="button" onClick={versions.reload}>
          {t('versions.refresh')}
        </button>
      </div>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {versions.error && <p className="error">{errorText(versions.error)}</p>}
      {versions.data?.items.length === 0 && <p className="muted">{t('versions.empty')}</p>}
      {versions.data && versions.data.items.length > 0 && (
        <ComparePicker
          key={versions.data.items.length}
          formId={form.id}
          versions={versions.data.items}
        />
      )}
      <ol className="version-list" reversed>
        {versions.data?.items.map((v) => (
          <li key={v.id} data-version={v.version}>
            <div className="version-head">
              <strong>{t('versions.version', { n: v.version })}</strong>
              <span className="muted">
                {t('versions.by', {
                  author: v.author?.name ?? '—',
                  time: time.format(new Date(v.createdAt)),
                })}
              </span>
            </div>
            <p className="version-note">{v.note || t('versions.noNote')}</p>
            <div className="version-actions">
              <button type="button" disabled={!canWrite} onClick={() => void restore(v.version)}>
                {t('versions.restore')}
              </button>
              <Link to={`/forms/${form.id}/versions/${v.version}/print`} className="button">
                {t('blankForm.print')}
              </Link>
              {v.version > 1 && (
                <button
                  type="button"
                  aria-expanded={comparing === v.version}
                  onClick={() => setComparing(comparing === v.version ? null : v.version)}
                >
                  {comparing === v.version
                    ? t('versions.hideCompare')
                    : t('versions.compare', { n: v.version - 1 })}
                </button>
              )}
            </div>
            {comparing === v.version && (
              <VersionDiffView formId={form.id} a={v.version - 1} b={v.version} />
            )}
          </li>
        ))}
      </ol>
    </div>
  )
}
