import type { NodeView } from '@yardstick/doc'
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useQuestionOptions } from '../properties/choices'
import { readsKeys } from '../properties/reads-keys'
import { useSetProperty } from '../properties/useEdit'
import { ValueField } from '../properties/ValueField'
import { type Draft, type DraftRow, draftExpression, draftOf, type RuleProperty } from './draft'
import { questionValues } from './question-values'
import { RuleRow } from './RuleRow'

const NEW_ROW: DraftRow = { question: '', op: 'eq', value: '' }

/**
 * A condition (`visibleIf`, `enableIf`, `requiredIf`) as a rule: "当 [题目] [是…] [选项] 时，显示此项",
 * rows joined by AND or OR, never an expression in sight. What it writes is SurveyJS's
 * expression (`ruleToExpression`, @yardstick/sdk), set in the shared document like any property;
 * an expression `parseRule` cannot show stays editable as text behind the expert switch.
 */
function RuleFieldOf({ node, property }: { node: NodeView; property: RuleProperty }) {
  const { t } = useI18n()
  const { canWrite, session } = useEditor()
  const set = useSetProperty()
  const id = useId()
  const questions = useQuestionOptions(node.id)
  const raw = node.json[property]
  const current = typeof raw === 'string' ? raw : ''
  const shown = useMemo(() => draftOf(current), [current])
  const [draft, setDraft] = useState<Draft>(() => shown ?? { rows: [], any: false })
  const [expert, setExpert] = useState(shown === null)
  // The expression this builder wrote last: any other change (a co-editor, undo) is shown anew.
  const written = useRef(current)
  useEffect(() => {
    if (current === written.current) return
    written.current = current
    if (shown) setDraft(shown)
    else setExpert(true)
  }, [current, shown])

  const change = (next: Draft, write = true) => {
    setDraft(next)
    if (!write) return
    const view = session.view.get()
    const expression = draftExpression(next, (name) => questionValues(view, name))
    if (expression === current) return
    written.current = expression
    set(node.id, property, expression || undefined)
  }
  const rowChange = (index: number) => (row: DraftRow, write?: boolean) =>
    change({ ...draft, rows: draft.rows.map((r, i) => (i === index ? row : r)) }, write)
  const disabled = !canWrite || shown === null

  return (
    <fieldset className="rule-field" data-rule={property}>
      <legend>{t(`rules.${property}`)}</legend>
      {shown === null ? (
        <p className="muted">{t('rules.cannotShow')}</p>
      ) : draft.rows.length === 0 ? (
        <p className="muted">{t(`rules.none.${property}`)}</p>
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
          <p className="rule-effect">{t(`rules.effect.${property}`)}</p>
        </>
      )}
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
          onCommit={(v) => set(node.id, property, v.trim() || undefined)}
        />
      )}
    </fieldset>
  )
}

/** One condition property's rule builder; renders again only when that property changes. */
export const RuleField = memo(RuleFieldOf, readsKeys('visibleIf', 'enableIf', 'requiredIf'))
