import { RULE_OP_NAMES, type RuleOp, VALUELESS_OPS } from '@yardstick/sdk'
import { memo } from 'react'
import { sameItems } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useViewSelect } from '../EditorContext'
import type { DraftRow } from './draft'
import { QuestionSelect } from './QuestionSelect'
import { choiceEntriesOf } from './question-values'

/** Props of `RuleRow`. */
export interface RuleRowProps {
  row: DraftRow
  index: number
  /** The word before the row: 当 for the first, 并且 / 或者 after. */
  lead: string
  questions: ReadonlyArray<{ id: string; name: string }>
  disabled: boolean
  /** `write` false while a value is being typed: written when the field is left or Enter pressed. */
  onChange: (row: DraftRow, write?: boolean) => void
  onRemove: () => void
}

/** "[题目] [是/不是/包含/大于…] [选项或值]": selects for all three, a field for free values. */
export const RuleRow = memo(function RuleRow({
  row,
  index,
  lead,
  questions,
  disabled,
  onChange,
  onRemove,
}: RuleRowProps) {
  const { t, locale } = useI18n()
  const n = index + 1
  const yesNo: [string, string] = [t('rules.true'), t('rules.false')]
  // Read live: the question's choices may change while the rule is open.
  const entries = useViewSelect(
    (view) => (row.question ? choiceEntriesOf(view, row.question, locale, yesNo) : NO_ENTRIES),
    sameItems,
  )
  const valueless = VALUELESS_OPS.has(row.op)
  return (
    <li className="rule-row" data-rule-row={index}>
      <span className="rule-lead">{lead}</span>
      <QuestionSelect
        label={t('rules.question', { n })}
        value={row.question}
        questions={questions}
        disabled={disabled}
        onChange={(question) => onChange({ ...row, question, value: '' })}
      />
      <select
        aria-label={t('rules.op', { n })}
        value={row.op}
        disabled={disabled}
        onChange={(e) => onChange({ ...row, op: e.target.value as RuleOp })}
      >
        {RULE_OP_NAMES.map((op) => (
          <option key={op} value={op}>
            {t(`rules.op.${op}`)}
          </option>
        ))}
      </select>
      {!valueless &&
        (entries.length > 0 ? (
          <select
            aria-label={t('rules.value', { n })}
            value={row.value}
            disabled={disabled}
            onChange={(e) => onChange({ ...row, value: e.target.value })}
          >
            <option value="">{t('rules.pickValue')}</option>
            {row.value && !hasValue(entries, row.value) && (
              <option value={row.value}>{row.value}</option>
            )}
            {pairs(entries).map(([value, label]) => (
              <option key={String(value)} value={String(value)}>
                {String(label)}
              </option>
            ))}
          </select>
        ) : (
          <input
            aria-label={t('rules.value', { n })}
            value={row.value}
            disabled={disabled || !row.question}
            onChange={(e) => onChange({ ...row, value: e.target.value }, false)}
            onBlur={() => onChange(row)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onChange(row)
            }}
          />
        ))}
      <button
        type="button"
        className="icon"
        aria-label={t('rules.remove', { n })}
        disabled={disabled}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  )
})

const NO_ENTRIES: unknown[] = []

function pairs(entries: readonly unknown[]): Array<[unknown, unknown]> {
  const out: Array<[unknown, unknown]> = []
  for (let i = 0; i + 1 < entries.length; i += 2) out.push([entries[i], entries[i + 1]])
  return out
}

function hasValue(entries: readonly unknown[], value: string): boolean {
  return entries.some((entry, i) => i % 2 === 0 && String(entry) === value)
}
