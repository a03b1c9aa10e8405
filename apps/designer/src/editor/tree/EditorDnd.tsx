import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { moveElement } from '@yardstick/doc'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { nodeTitle } from '../labels'
import { useLimitedEdit } from '../limited-edit'
import { insertTool, type Tool } from '../toolbox/insert'
import { dropTarget, toolDropTarget } from './places'

// One object for the life of the page: a new options object makes a new sensor, new activators,
// and so a new @dnd-kit context under which every one of 500 rows renders again.
const POINTER = { activationConstraint: { distance: 6 } }

/** What a toolbox entry carries while dragged (`useDraggable`'s data). */
export interface ToolDrag {
  tool: Tool
  label: string
}

/**
 * One drag-and-drop context for the toolbox and the tree: a tree row dropped on another moves
 * there; a toolbox entry dropped on a row is added there (on a question: at its place; on a page
 * or panel: first inside it). Each drop is one edit with this editor's origin (undoable).
 */
export function EditorDnd({ children }: { children: ReactNode }) {
  const { t, locale } = useI18n()
  const { session, canWrite, announce, select } = useEditor()
  const limited = useLimitedEdit()
  const sensors = useSensors(useSensor(PointerSensor, POINTER))

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || !canWrite) return
    // Read at the drop: this context does not render again on every edit.
    const view = session.view.get()
    const drag = active.data.current as Partial<ToolDrag> | undefined
    if (drag?.tool) {
      const target = toolDropTarget(view, String(over.id))
      if (!target) return
      const tool = drag.tool
      const id = limited(() => insertTool(session, view, null, tool, target))
      if (id) {
        select(id)
        announce(t('toolbox.added', { name: drag.label ?? '' }))
      }
      return
    }
    const id = String(active.id)
    const target = dropTarget(view, id, String(over.id))
    const node = view.nodes.get(id)
    if (target && node && limited(() => moveElement(session.doc, id, target, session.origin))) {
      announce(t('tree.moved', { name: nodeTitle(node, locale) }))
    }
  }

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      {children}
    </DndContext>
  )
}
