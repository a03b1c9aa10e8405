import type { NodeView } from '@yardstick/doc'
import { addChoice } from '@yardstick/doc'
import { memo, useEffect, useRef } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useSelected } from '../EditorContext'
import { uniqueName } from '../names'
import { bilingual } from '../toolbox/tools'
import { choiceObject, choiceValue, typedValue, useItemsJson } from './choices'
import { LocalizedCells } from './LocalizedText'
import { RowActions } from './RowActions'
import { readsKeys } from './reads-keys'
import { useSetProperty } from './useEdit'
import { numberOrNone, ValueField } from './ValueField'

const FLAGS = ['satisfied', 'problem', 'veto'] as const

const NO_IDS: readonly string[] = []

/**
 * A question's choices (or rate values): value, zh-CN and English text, score, and the
 * satisfied / problem / veto flags; add, reorder, remove.
 */
export const ChoicesEditor = memo(function ChoicesEditor({
  node,
  slot,
  label,
}: {
  node: NodeView
  slot: 'choices' | 'rateValues'
  label: string
}) {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const selected = useSelected()
  const set = useSetProperty()
  const ids = node.items[slot] ?? NO_IDS
  const entries = useItemsJson(ids)
  const selectedRow = useRef<HTMLTableRowElement | null>(null)

  useEffect(() => {
    if (selected && ids.includes(selected))
      selectedRow.current?.scrollIntoView({ block: 'nearest' })
  }, [selected, ids])

  const add = () => {
    const taken = new Set(entries.map((json) => String(choiceValue(json))))
    const value = uniqueName('item', taken)
    addChoice(
      session.doc,
      {
        parent: node.id,
        slot,
        json: { value, text: bilingual('choice.option', { n: ids.length + 1 }) },
      },
      session.origin,
    )
  }

  return (
    <fieldset className="choices">
      <legend>{label}</legend>
      <table className="grid-table">
        <thead>
          <tr>
            <th scope="col">{t('props.choice.value')}</th>
            <th scope="col">{t('props.zh')}</th>
            <th scope="col">{t('props.en')}</th>
            <th scope="col">{t('props.choice.score')}</th>
            <th scope="col">{t('props.choice.flags')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('forms.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id, index) => {
            const choice = choiceObject(entries[index])
            const n = index + 1
            const row = t('props.choice.row', { n })
            const isSelected = selected === id
            return (
              <tr
                key={id}
                ref={isSelected ? selectedRow : undefined}
                className={isSelected ? 'selected' : undefined}
                data-choice={String(choice.value)}
              >
                <td>
                  <ValueField
                    hideLabel
                    mono
                    label={`${row} ${t('props.choice.value')}`}
                    value={String(choice.value ?? '')}
                    onCommit={(v) => set(id, 'value', typedValue(v, choice.value))}
                  />
                </td>
                <LocalizedCells target={id} field="text" value={choice.text} row={row} />
                <td className="narrow">
                  <ValueField
                    hideLabel
                    type="number"
                    label={`${row} ${t('props.choice.score')}`}
                    value={typeof choice.score === 'number' ? choice.score : undefined}
                    onCommit={(v) => set(id, 'score', numberOrNone(v))}
                  />
                </td>
                <td className="flags">
                  {FLAGS.map((flag) => (
                    <label key={flag} className="check">
                      <input
                        type="checkbox"
                        checked={choice[flag] === true}
                        disabled={!canWrite}
                        aria-label={`${row} ${t(`props.choice.${flag}`)}`}
                        onChange={(e) => set(id, flag, e.target.checked ? true : undefined)}
                      />
                      <span aria-hidden="true">{t(`props.choice.${flag}`)}</span>
                    </label>
                  ))}
                </td>
                <RowActions
                  entry={id}
                  parent={node.id}
                  slot={slot}
                  index={index}
                  count={ids.length}
                  labels={{
                    up: t('props.moveChoiceUp', { n }),
                    down: t('props.moveChoiceDown', { n }),
                    remove: t('props.removeChoice', { n }),
                  }}
                  session={session}
                  canWrite={canWrite}
                />
              </tr>
            )
          })}
        </tbody>
      </table>
      <button type="button" disabled={!canWrite} onClick={add}>
        + {t('props.addChoice')}
      </button>
    </fieldset>
  )
}, readsKeys())
