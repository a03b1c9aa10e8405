import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { ValueField } from '../properties/ValueField'
import { type Draft, type DraftRow, draftExpression, draftOf } from './draft'
import { questionValues } from './question-values'
import { RuleRow } from './RuleRow'

const NEW_ROW: DraftRow = { question: '', op: 'eq', value: '' }

/** Props of `RuleConditions`. */
export interface RuleConditionsProps {
  /** The condition in the document, `''` for none. */
  expression: string
  /** Writes a new condition, `''` for none. */
  onWrite: (expression: string) => void
  questions: ReadonlyArray<{ id: string; name: string }>
  /** Said when there is no condition ("总是显示。"). */
  none: string
  /**
   * What follows the conditions ("时，显示此项", "时，跳到 [题目]"), told how many rows are shown
   * and whether the condition could be shown as rows at all.
   */
  effect: (shown: { rows: number; readable: boolean }) => ReactNode
  /** Open a rule without a condition with one row to fill (a trigger needs one to do anything). */
  startWithRow?: boolean
}

/**
 * The conditions of one rule: "当 [题目] [是…] [选项]", rows joined by AND or OR, never an
 * expression in sight, and the expert switch showing the expression as text. Rows being filled
 * live here until complete; what is written is SurveyJS's expression (`draftExpression`), and a
 * condition `parseRule` cannot show stays editable as text only. Shared by the element
 * conditions (`RuleField`) and the survey's skip and end rules (`TriggerRules`).
 */
export function RuleConditions({
  expression: current,
  onWrite,
  questions,
  none,
  effect,
  startWithRow = false,
}: RuleConditionsProps) {
  const { t } = useI18n()
  const { canWrite, session } = useEditor()
  const id = useId()
  const shown = useMemo(() => draftOf(current), [current])
  const opened = (draft: Draft): Draft =>
    startWithRow && draft.rows.length === 0 ? { ...draft, rows: [NEW_ROW] } : draft
  const [draft, setDraft] = useState<Draft>(() => opened(shown ?? { rows: [], any: false }))
  const [expert, setExpert] = useState(shown === null)
  // The expression this builder wrote last: any other change (a co-editor, undo) is shown anew.
  const written = useRef(current)
  useEffect(() => {
    if (current === written.current) return
    written.current = current
    if (shown)
      setDraft(startWithRow && shown.rows.length === 0 ? { ...shown, rows: [NEW_ROW] } : shown)
    else setExpert(true)
  }, [current, shown, startWithRow])

  const change = (next: Draft, write = true) => {
    setDraft(next)
    if (!write) return
    const view = session.view.get()
    const expression = draftExpression(next, (name) => questionValues(view, name))
    if (expression === current) return
    written.current = expression
    onWrite(expression)
  }
  const rowChange = (index: number) => (row: DraftRow, write?: boolean) =>
    change({ ...draft, rows: draft.rows.map((r, i) => (i === index ? row : r)) }, write)
  const disabled = !canWrite || shown === null
  const rows = shown === null ? 0 : draft.rows.length

  return (
    <>
      {shown === null ? (
        <p className="muted">{t('rules.cannotShow')}</p>
      ) : draft.rows.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <>
          {draft.rows.length > 1 && (
            <div className="field">
              <label htmlFor={`${id}-join`}>{t('rules.join')}</label>
              <select
                id={`${id}-join`}
                value={draft.any ? 'any' : 'all'}
                disabled={disabled}
                onChange={(e) => change({ ...draft, any: e.target.value === 'any' })}
              >
                <option value="all">{t('rules.joinAll')}</option>
                <option value="any">{t('rules.joinAny')}</option>
              </select>
            </div>
          )}
          <ol className="rule-rows">
            {draft.rows.map((row, i) => (
              <RuleRow
                // Rows have no identity beyond their place; removing one re-renders those after.
                key={i}
                row={row}
                index={i}
                lead={i === 0 ? t('rules.when') : t(draft.any ? 'rules.or' : 'rules.and')}
                questions={questions}
                disabled={disabled}
                onChange={rowChange(i)}
                onRemove={() => change({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}
              />
            ))}
          </ol>
        </>
      )}
      {effect({ rows, readable: shown !== null })}
      <div className="rule-actions">
        <button
          type="button"
          disabled={disabled}
          onClick={() => change({ ...draft, rows: [...draft.rows, NEW_ROW] }, false)}
        >
          {t('rules.add')}
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={expert}
            disabled={shown === null}
            onChange={(e) => setExpert(e.target.checked)}
          />
          {t('rules.expert')}
        </label>
      </div>
      {expert && (
        <ValueField
          label={t('rules.expression')}
          mono
          value={current}
          onCommit={(v) => onWrite(v.trim())}
        />
      )}
    </>
  )
}
