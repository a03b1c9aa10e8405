import { useDraggable } from '@dnd-kit/core'
import { memo, useCallback } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'
import type { ToolDrag } from '../tree/EditorDnd'
import { insertTool, type Tool } from './insert'
import { BLOCKS, QUESTION_TYPES } from './tools'

/**
 * SurveyJS question types and Yardstick's assessment blocks. A click (or Enter) adds one after
 * the selected question, or inside the selected page or panel; or drag one onto the tree.
 */
export function Toolbox() {
  const { t } = useI18n()
  const { session, selection, select, canWrite, announce } = useEditor()
  const limited = useLimitedEdit()

  // Reads the view and selection when a tool is added: the toolbox never renders for an edit.
  const add = useCallback(
    (tool: Tool, label: string) => {
      const id = limited(() => insertTool(session, session.view.get(), selection.get(), tool))
      if (id) {
        select(id)
        announce(t('toolbox.added', { name: label }))
      }
    },
    [session, selection, select, announce, t, limited],
  )

  return (
    <section className="toolbox" aria-label={t('toolbox.label')}>
      <h2 className="panel-title">{t('toolbox.label')}</h2>
      <p className="hint">{t('toolbox.hint')}</p>
      <details open>
        <summary>{t('toolbox.blocks')}</summary>
        <ul className="tools">
          {BLOCKS.map((block) => (
            <li key={block}>
              <ToolButton
                name={block}
                tool={BLOCK_TOOLS[block]}
                label={t(`block.${block}`)}
                disabled={!canWrite}
                onAdd={add}
              />
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('toolbox.questions')}</summary>
        <ul className="tools">
          <li>
            <ToolButton
              name="page"
              tool={PAGE_TOOL}
              label={t('type.page')}
              disabled={!canWrite}
              onAdd={add}
            />
          </li>
          {QUESTION_TYPES.map((type) => (
            <li key={type}>
              <ToolButton
                name={type}
                tool={TYPE_TOOLS[type]}
                label={t(`type.${type}`)}
                disabled={!canWrite}
                onAdd={add}
              />
            </li>
          ))}
        </ul>
      </details>
    </section>
  )
}

const PAGE_TOOL: Tool = { page: true }
const BLOCK_TOOLS = Object.fromEntries(BLOCKS.map((block) => [block, { block }])) as Record<
  (typeof BLOCKS)[number],
  Tool
>
const TYPE_TOOLS = Object.fromEntries(QUESTION_TYPES.map((type) => [type, { type }])) as Record<
  (typeof QUESTION_TYPES)[number],
  Tool
>

/** One toolbox entry: a button (click or Enter adds it) that can also be dragged onto the tree. */
const ToolButton = memo(function ToolButton({
  name,
  tool,
  label,
  disabled,
  onAdd,
}: {
  name: string
  tool: Tool
  label: string
  disabled: boolean
  onAdd: (tool: Tool, label: string) => void
}) {
  const data: ToolDrag = { tool, label }
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: `tool:${name}`, data, disabled })
  // Only the pointer listeners: the button is already focusable and Enter adds it, so @dnd-kit's
  // keyboard-drag instructions would describe something this button does not do.
  return (
    <button
      ref={setNodeRef}
      type="button"
      disabled={disabled}
      data-tool={name}
      className={isDragging ? 'dragging' : undefined}
      onClick={() => onAdd(tool, label)}
      {...listeners}
    >
      {label}
    </button>
  )
})
