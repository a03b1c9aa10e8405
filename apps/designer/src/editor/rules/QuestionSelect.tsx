import { memo } from 'react'
import { sameItems } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useViewSelect } from '../EditorContext'
import { nodeTitle } from '../labels'
import { useOptionsOnDemand } from '../properties/options-on-demand'

/** Props of `QuestionSelect`. */
export interface QuestionSelectProps {
  label: string
  /** The question's name, `''` for none picked. */
  value: string
  questions: ReadonlyArray<{ id: string; name: string }>
  disabled: boolean
  onChange: (name: string) => void
}

/**
 * A question picker by title, as office staff know their questions ("是否交纳党费（paid）": the
 * name tells two alike apart); a rule's condition and a skip rule's target both pick with it.
 */
export const QuestionSelect = memo(function QuestionSelect({
  label,
  value,
  questions,
  disabled,
  onChange,
}: QuestionSelectProps) {
  const { t, locale } = useI18n()
  // A long list is rendered (and its titles read) only once the picker is reached.
  const { complete, reach } = useOptionsOnDemand(questions.length)
  const titles = useViewSelect(
    (view) =>
      (complete ? questions : NO_QUESTIONS).map((q) => {
        const node = view.nodes.get(q.id)
        const title = node ? nodeTitle(node, locale) : ''
        return title && title !== q.name ? `${title}（${q.name}）` : q.name
      }),
    sameItems,
  )
  const known = questions.some((q) => q.name === value)
  return (
    <select
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      {...reach}
    >
      <option value="">{t('rules.pickQuestion')}</option>
      {/* A question since deleted or renamed stays visible, so the rule can be fixed. */}
      {value && (!known || !complete) && <option value={value}>{value}</option>}
      {complete &&
        questions.map((q, i) => (
          <option key={q.id} value={q.name}>
            {titles[i] ?? q.name}
          </option>
        ))}
    </select>
  )
})

const NO_QUESTIONS: ReadonlyArray<{ id: string; name: string }> = []
