import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { type FormView, moveElement, nodeOf, ROOT, removeElement } from '@yardstick/doc'
import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react'
import { sameItems } from '../../collab/store'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, usePeersOn, useSelected, useViewSelect } from '../EditorContext'
import { nodeTitle } from '../labels'
import { useLimitedEdit } from '../limited-edit'
import { useConfirmRemove } from '../rules/remove-check'
import { type KeyboardMove, keyboardTarget, visibleRows } from './places'
import { SurveyRow } from './SurveyRow'
import { TreeRow } from './TreeRow'
import { useTreeWindow } from './useTreeWindow'

const MOVES: Record<string, KeyboardMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'out',
  ArrowRight: 'in',
}

/**
 * The page / panel / question tree: drag to reorder (@dnd-kit, in `EditorDnd` with the toolbox), or by keyboard — arrows select,
 * Alt+arrows move, Delete removes. Rows show the other editors' selections in their colours.
 */
export function TreePanel() {
  const { t, locale } = useI18n()
  const { session, select, canWrite, announce } = useEditor()
  const confirmRemove = useConfirmRemove()
  const limited = useLimitedEdit()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const helpId = useId()
  // Only the rows' ids: typing in a title changes one row, which reads its own node.
  const rowIds = useViewSelect(
    useCallback((view: FormView) => visibleRows(view, collapsed).map((r) => r.id), [collapsed]),
    sameItems,
  )
  const ids = [ROOT, ...rowIds]
  const selected = useSelected()
  const current = useViewSelect(
    (view) => nodeOf(view, selected)?.id ?? (selected === ROOT ? ROOT : null),
  )
  const surveyPeers = usePeersOn(ROOT)
  const rowsStart = useRef<HTMLDivElement>(null)
  const windowed = useTreeWindow(
    rowIds.length,
    (index) => rowIds[index] ?? String(index),
    rowsStart,
  )
  const currentIndex = current ? rowIds.indexOf(current) : -1

  // A selection made elsewhere (validation, a peer's avatar) on a row outside the window.
  useEffect(() => {
    if (currentIndex >= 0 && !document.getElementById(rowDomId(rowIds[currentIndex] as string))) {
      windowed.scrollTo(currentIndex)
    }
  })

  const toggle = useCallback(
    (id: string, open?: boolean) =>
      setCollapsed((before) => {
        const next = new Set(before)
        const close = open === undefined ? !next.has(id) : !open
        if (close) next.add(id)
        else next.delete(id)
        return next
      }),
    [],
  )

  const move = (id: string, target: ReturnType<typeof keyboardTarget>) => {
    if (!target || !canWrite) return
    const node = session.view.get().nodes.get(id)
    if (limited(() => moveElement(session.doc, id, target, session.origin)) && node) {
      announce(t('tree.moved', { name: nodeTitle(node, locale) }))
    }
  }

  const focusRow = (id: string) => {
    select(id)
    const index = rowIds.indexOf(id)
    if (index >= 0) windowed.scrollTo(index)
    focusWhenShown(rowDomId(id))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = current ?? ROOT
    const at = ids.indexOf(id)
    const view = session.view.get()
    const node = view.nodes.get(id)
    if (event.altKey && MOVES[event.key] && node) {
      event.preventDefault()
      move(id, keyboardTarget(view, id, MOVES[event.key] as KeyboardMove))
      focusWhenShown(rowDomId(id))
      return
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (ids[at + 1]) focusRow(ids[at + 1] as string)
        return
      case 'ArrowUp':
        event.preventDefault()
        if (at > 0) focusRow(ids[at - 1] as string)
        return
      case 'Home':
        event.preventDefault()
        focusRow(ROOT)
        return
      case 'End':
        event.preventDefault()
        focusRow(ids.at(-1) ?? ROOT)
        return
      case 'ArrowRight':
        if (node && node.kind !== 'question' && collapsed.has(id)) {
          event.preventDefault()
          toggle(id, true)
        }
        return
      case 'ArrowLeft':
        event.preventDefault()
        if (node && node.kind !== 'question' && !collapsed.has(id)) toggle(id, false)
        else if (node && node.parent !== ROOT) focusRow(node.parent)
        return
      case 'Delete':
        if (node && canWrite) {
          event.preventDefault()
          const next = ids[at + 1] ?? ids[at - 1] ?? ROOT
          if (!confirmRemove(node)) return
          if (removeElement(session.doc, id, session.origin)) {
            announce(t('tree.removed', { name: nodeTitle(node, locale) }))
            focusRow(next === id ? ROOT : next)
          }
        }
        return
    }
  }

  return (
    <section className="tree-panel" aria-labelledby={`${helpId}-h`}>
      <h2 id={`${helpId}-h`} className="panel-title">
        {t('tree.label')}
      </h2>
      <p id={helpId} className="hint">
        {t('tree.help')}
      </p>
      <SortableContext items={rowIds} strategy={verticalListSortingStrategy}>
        <div
          role="tree"
          aria-labelledby={`${helpId}-h`}
          aria-describedby={helpId}
          className="tree"
          onKeyDown={onKeyDown}
          tabIndex={-1}
        >
          <SurveyRow
            domId={rowDomId(ROOT)}
            selected={current === ROOT}
            tabbable={current === ROOT || current === null}
            peers={surveyPeers}
            onSelect={() => select(ROOT)}
          />
          <div ref={rowsStart} aria-hidden="true" style={{ height: windowed.padTop }} />
          {windowed.indexes.map((index) => {
            const id = rowIds[index] as string
            return (
              <TreeRow
                key={id}
                index={index}
                measure={windowed.measure}
                id={id}
                domId={rowDomId(id)}
                selected={current === id}
                tabbable={current === id}
                collapsed={collapsed.has(id)}
                draggable={canWrite}
                onSelect={select}
                onToggle={toggle}
              />
            )
          })}
          <div aria-hidden="true" style={{ height: windowed.padBottom }} />
        </div>
      </SortableContext>
    </section>
  )
}

/** Focuses an element once it is rendered (a row scrolled into the window renders a frame later). */
function focusWhenShown(domId: string, frames = 6) {
  requestAnimationFrame(() => {
    const element = document.getElementById(domId)
    if (element) element.focus()
    else if (frames > 0) focusWhenShown(domId, frames - 1)
  })
}

/** The DOM id of a tree row. */
export function rowDomId(id: string): string {
  return `tree-row-${id}`
}
