import { applySurveyJson, type SurveyJson } from '@yardstick/doc'
import { parseFormText, textProblemMessage } from '@yardstick/sdk'
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'
import { questionCount, TextPreview } from './TextPreview'

/**
 * Paste a form as 问卷星 or 腾讯问卷 text (文本导入, issue 19): the form it reads as beside the
 * text, every line not read listed with its number and why (a click selects that line to fix),
 * and applying it replaces the shared document as ONE transaction of this editor (SPEC
 * [DOC15]): everyone sees it arrive, and Ctrl+Z takes it back in one step.
 */
export function TextImportDialog({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n()
  const { session, announce } = useEditor()
  const limited = useLimitedEdit()
  const ref = useRef<HTMLDialogElement>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  const [text, setText] = useState('')
  // A long paste re-reads as the editor types without holding up the textarea.
  const deferred = useDeferredValue(text)
  const result = useMemo(() => (deferred.trim() ? parseFormText(deferred) : null), [deferred])
  const count = result ? questionCount(result.form) : 0

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
  }, [])

  const selectLine = (line: number) => {
    const textarea = area.current
    if (!textarea) return
    const lines = textarea.value.split('\n')
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0)
    textarea.focus()
    textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0))
  }

  const apply = () => {
    if (!result || count === 0) return
    const applied = limited(() => {
      applySurveyJson(session.doc, result.form as SurveyJson, session.origin)
      return true
    })
    if (!applied) return
    announce(t('textImport.applied', { n: count }))
    onClose()
  }

  return (
    <dialog
      ref={ref}
      className="dialog text-import"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={onClose}
      // Ctrl+Z in the textarea undoes typing there, not the form (useUndoShortcuts listens on
      // the window).
      onKeyDown={(event) => event.stopPropagation()}
    >
      <h2 id={`${id}-h`}>{t('textImport.title')}</h2>
      <p className="muted">{t('textImport.hint')}</p>
      <div className="text-import-panes">
        <div className="text-import-source">
          <label htmlFor={`${id}-text`}>{t('textImport.text')}</label>
          <textarea
            id={`${id}-text`}
            ref={area}
            value={text}
            rows={20}
            spellCheck={false}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <section className="text-import-preview" aria-labelledby={`${id}-p`}>
          <h3 id={`${id}-p`}>{t('textImport.preview')}</h3>
          {result ? (
            <>
              <p className="muted" data-testid="text-import-summary">
                {t('textImport.syntax', { syntax: t(`textImport.syntax.${result.syntax}`) })} ·{' '}
                {t('textImport.count', { n: count })}
              </p>
              <TextPreview form={result.form} />
            </>
          ) : (
            <p className="muted">{t('textImport.empty')}</p>
          )}
        </section>
      </div>
      {result && (
        <section aria-labelledby={`${id}-problems`} className="text-import-problems">
          <h3 id={`${id}-problems`}>
            {result.problems.length > 0
              ? t('textImport.problems', { n: result.problems.length })
              : t('textImport.noProblems')}
          </h3>
          <ul>
            {result.problems.map((problem) => (
              <li key={`${problem.line}-${problem.code}`} data-line={problem.line}>
                <button type="button" className="link" onClick={() => selectLine(problem.line)}>
                  {t('textImport.line', { line: problem.line })}
                </button>{' '}
                <q>{problem.text}</q>{' '}
                <span>
                  {textProblemMessage(problem.code, locale, { detail: problem.detail ?? '' })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">{t('textImport.replaces')}</p>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('textImport.cancel')}
        </button>
        <button type="button" className="primary" disabled={count === 0} onClick={apply}>
          {t('textImport.apply')}
        </button>
      </div>
    </dialog>
  )
}
