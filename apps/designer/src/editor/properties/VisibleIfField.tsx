import { useId, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import type { NodeView } from '../form-view'
import { condition, questionOptions } from './choices'
import { useSetProperty } from './useEdit'
import { ValueField } from './ValueField'

/** `visibleIf` as text, with a picker that writes `{question} = 'choice'` for you. */
export function VisibleIfField({ node }: { node: NodeView }) {
  const { t } = useI18n()
  const { view, canWrite } = useEditor()
  const set = useSetProperty()
  const id = useId()
  const questions = questionOptions(view, node.id)
  const [question, setQuestion] = useState('')
  const [choice, setChoice] = useState('')
  const picked = questions.find((q) => q.name === question)
  const current = typeof node.json.visibleIf === 'string' ? node.json.visibleIf : ''

  const insert = () => {
    if (!picked || choice === '') return
    const value = picked.choices.find((c) => String(c) === choice) ?? choice
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
          >
            <option value="">{t('props.none')}</option>
            {questions.map((q) => (
              <option key={q.id} value={q.name}>
                {q.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('props.pickChoice')}</label>
          {picked && picked.choices.length > 0 ? (
            <select
              id={`${id}-c`}
              value={choice}
              disabled={!canWrite}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value="">{t('props.none')}</option>
              {picked.choices.map((c) => (
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
}
