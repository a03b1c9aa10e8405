import type { NodeView } from '@yardstick/doc'
import { addChoice } from '@yardstick/doc'
import { memo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { uniqueName } from '../names'
import { bilingual } from '../toolbox/tools'
import { choiceObject, typedValue, useItemsJson } from './choices'
import { LocalizedCells } from './LocalizedText'
import { RowActions } from './RowActions'
import { readsKeys } from './reads-keys'
import { SelectField } from './SelectField'
import { useSetProperty } from './useEdit'
import { ValueField } from './ValueField'

/** The item slots edited here: a matrix's rows and columns, a multiple-text question's items. */
export type ItemSlot = 'rows' | 'columns' | 'items'

const NO_IDS: readonly string[] = []

/**
 * The cell types of a `matrixdropdown` column (SurveyJS's `cellType`); `default` takes the
 * question's own (`dropdown` with the question's choices).
 */
const CELL_TYPES = [
  'default',
  'dropdown',
  'radiogroup',
  'checkbox',
  'tagbox',
  'boolean',
  'rating',
  'text',
  'comment',
  'expression',
] as const

/**
 * A matrix's rows or columns (`value` and text), a dropdown matrix's columns (`name`, title and
 * cell type) or a multiple-text question's items (`name` and title): key, zh-CN and English
 * text side by side; add, reorder, remove. Each entry is an item
 * of the document (SPEC [DOC7]), so two editors adding rows at once keep both.
 */
export const ItemsEditor = memo(function ItemsEditor({
  node,
  slot,
}: {
  node: NodeView
  slot: ItemSlot
}) {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const set = useSetProperty()
  const ids = node.items[slot] ?? NO_IDS
  const entries = useItemsJson(ids)
  // A dropdown matrix's columns are SurveyJS column objects, named and titled like items.
  const cells = slot === 'columns' && node.json.type === 'matrixdropdown'
  const keyField = slot === 'items' || cells ? 'name' : 'value'
  const textField = slot === 'items' || cells ? 'title' : 'text'
  const label = t(`props.items.${slot}`)
  const cellTypes = CELL_TYPES.map((type) => ({
    value: type,
    label: type === 'default' ? t('props.items.cellType.default') : t(`type.${type}`),
  }))

  const add = () => {
    const taken = new Set(entries.map((json) => String(choiceObject(json)[keyField])))
    const key = uniqueName(slot === 'columns' ? 'col' : slot === 'rows' ? 'row' : 'item', taken)
    addChoice(
      session.doc,
      {
        parent: node.id,
        slot,
        json: { [keyField]: key, [textField]: bilingual('choice.option', { n: ids.length + 1 }) },
      },
      session.origin,
    )
  }

  return (
    <fieldset className="choices" data-items={slot}>
      <legend>{label}</legend>
      <table className="grid-table">
        <thead>
          <tr>
            <th scope="col">{t(keyField === 'name' ? 'props.name' : 'props.choice.value')}</th>
            <th scope="col">{t('props.zh')}</th>
            <th scope="col">{t('props.en')}</th>
            {cells && <th scope="col">{t('props.items.cellType')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('forms.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {ids.map((id, index) => {
            const entry = choiceObject(entries[index])
            const n = index + 1
            const row = t('props.items.row', { list: label, n })
            return (
              <tr key={id} data-item={String(entry[keyField] ?? '')}>
                <td>
                  <ValueField
                    hideLabel
                    mono
                    label={`${row} ${t(keyField === 'name' ? 'props.name' : 'props.choice.value')}`}
                    value={String(entry[keyField] ?? '')}
                    onCommit={(v) => set(id, keyField, typedValue(v, entry[keyField]))}
                  />
                </td>
                <LocalizedCells target={id} field={textField} value={entry[textField]} row={row} />
                {cells && (
                  <td>
                    <SelectField
                      hideLabel
                      label={`${row} ${t('props.items.cellType')}`}
                      value={typeof entry.cellType === 'string' ? entry.cellType : 'default'}
                      options={cellTypes}
                      onChange={(v) => set(id, 'cellType', v === 'default' ? undefined : v)}
                    />
                  </td>
                )}
                <RowActions
                  entry={id}
                  parent={node.id}
                  slot={slot}
                  index={index}
                  count={ids.length}
                  labels={{
                    up: t('props.items.up', { row }),
                    down: t('props.items.down', { row }),
                    remove: t('props.items.remove', { row }),
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
        + {t('props.items.add', { list: label })}
      </button>
    </fieldset>
  )
}, readsKeys())
