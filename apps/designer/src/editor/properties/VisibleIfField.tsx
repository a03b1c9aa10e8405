import type { NodeView } from '@yardstick/doc'
import { memo, useId, useState } from 'react'
import { sameItems } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useViewSelect } from '../EditorContext'
import { choiceValue, condition, useQuestionOptions } from './choices'
import { useOptionsOnDemand } from './options-on-demand'
import { readsKeys } from './reads-keys'
import { useSetProperty } from './useEdit'
import { ValueField } from './ValueField'

/** `visibleIf` as text, with a picker that writes `{question} = 'choice'` for you. */
export const VisibleIfField = memo(function VisibleIfField({ node }: { node: NodeView }) {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const set = useSetProperty()
  const id = useId()
  const questions = useQuestionOptions(node.id)
  const [question, setQuestion] = useState('')
  const [choice, setChoice] = useState('')
  const picked = questions.find((q) => q.name === question)
  const { complete, reach } = useOptionsOnDemand(questions.length)
  // Read live: the list above is kept while names stay, and choices may have changed since.
  const pickedChoices = useViewSelect(
    (view) => (picked ? choicesOf(view.nodes.get(picked.id)?.json) : NO_CHOICES),
    sameItems,
  )
  const current = typeof node.json.visibleIf === 'string' ? node.json.visibleIf : ''

  const insert = () => {
    if (!picked || choice === '') return
    const value = pickedChoices.find((c) => String(c) === choice) ?? choice
    const expression = condition(picked.name, value)
    set(node.id, 'visibleIf', current.trim() ? `${current} and ${expression}` : expression)
  }

  return (
    <div className="visible-if">
      <ValueField
        label={t('props.visibleIf')}
        mono
        value={current}
        hint={t('props.visibleIfHint')}
        onCommit={(v) => set(node.id, 'visibleIf', v.trim() || undefined)}
      />
      <div className="field-row picker">
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('props.pickQuestion')}</label>
          <select
            id={`${id}-q`}
            value={question}
            disabled={!canWrite}
            onChange={(e) => {
              setQuestion(e.target.value)
              setChoice('')
            }}
            {...reach}
          >
            <option value="">{t('props.none')}</option>
            {complete ? (
              <NameOptions questions={questions} />
            ) : (
              picked && <option value={picked.name}>{picked.name}</option>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('props.pickChoice')}</label>
          {picked && pickedChoices.length > 0 ? (
            <select
              id={`${id}-c`}
              value={choice}
              disabled={!canWrite}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value="">{t('props.none')}</option>
              {pickedChoices.map((c) => (
                <option key={String(c)} value={String(c)}>
                  {String(c)}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`${id}-c`}
              value={choice}
              disabled={!canWrite || !picked}
              onChange={(e) => setChoice(e.target.value)}
            />
          )}
        </div>
        <button type="button" disabled={!canWrite || !picked || choice === ''} onClick={insert}>
          {t('props.insertCondition')}
        </button>
      </div>
    </div>
  )
}, readsKeys('visibleIf'))

const NO_CHOICES: unknown[] = []

/** The picker's questions, skipped by React while the list is the same one. */
const NameOptions = memo(function NameOptions({
  questions,
}: {
  questions: ReadonlyArray<{ id: string; name: string }>
}) {
  return questions.map((q) => (
    <option key={q.id} value={q.name}>
      {q.name}
    </option>
  ))
})

/** A question's choice values, as `questionOptions` lists them (booleans for a boolean). */
function choicesOf(json: Record<string, unknown> | undefined): unknown[] {
  if (!json) return []
  const choices = Array.isArray(json.choices) ? json.choices.map(choiceValue) : []
  if (json.type === 'boolean') choices.push(true, false)
  return choices
}
