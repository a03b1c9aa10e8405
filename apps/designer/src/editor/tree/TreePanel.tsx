import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { moveElement, type PeerPresence, ROOT, removeElement } from '@yardstick/doc'
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { peersOn, useEditor } from '../EditorContext'
import { type NodeView, nodeOf } from '../form-view'
import { nodeTitle } from '../labels'
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
  const { view, session, selected, select, canWrite, announce, peers } = useEditor()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const helpId = useId()
  const rows = visibleRows(view, collapsed)
  const rowIds = useSameList(rows.map((r) => r.id))
  const ids = [ROOT, ...rowIds]
  const peersById = useMemo(() => peersByRow(peers), [peers])
  const current = nodeOf(view, selected)?.id ?? (selected === ROOT ? ROOT : null)
  const rowsStart = useRef<HTMLDivElement>(null)
  const windowed = useTreeWindow(rows.length, (index) => rowIds[index] ?? String(index), rowsStart)
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
    const node = view.nodes.get(id)
    if (moveElement(session.doc, id, target, session.origin) && node) {
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
            peers={peersOn(peers, ROOT)}
            onSelect={() => select(ROOT)}
          />
          <div ref={rowsStart} aria-hidden="true" style={{ height: windowed.padTop }} />
          {windowed.indexes.map((index) => {
            const node = rows[index] as NodeView
            return (
              <TreeRow
                key={node.id}
                index={index}
                measure={windowed.measure}
                node={node}
                domId={rowDomId(node.id)}
                selected={current === node.id}
                tabbable={current === node.id}
                collapsed={collapsed.has(node.id)}
                peers={peersById.get(node.id) ?? NO_PEERS}
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

const NO_PEERS: PeerPresence[] = []

/** Focuses an element once it is rendered (a row scrolled into the window renders a frame later). */
function focusWhenShown(domId: string, frames = 6) {
  requestAnimationFrame(() => {
    const element = document.getElementById(domId)
    if (element) element.focus()
    else if (frames > 0) focusWhenShown(domId, frames - 1)
  })
}

/** The other editors (not this tab) per selected id. */
function peersByRow(peers: readonly PeerPresence[]): Map<string, PeerPresence[]> {
  const byId = new Map<string, PeerPresence[]>()
  for (const peer of peers) {
    if (peer.local || !peer.selection) continue
    byId.set(peer.selection, [...(byId.get(peer.selection) ?? []), peer])
  }
  return byId
}

/**
 * The same array as last time while its entries are the same: @dnd-kit's sortable context (and
 * so every row under it) renders again whenever its `items` array is a new one.
 */
function useSameList(list: string[]): string[] {
  const kept = useRef(list)
  const before = kept.current
  if (before.length !== list.length || before.some((id, i) => id !== list[i])) kept.current = list
  return kept.current
}

/** The DOM id of a tree row. */
export function rowDomId(id: string): string {
  return `tree-row-${id}`
}
