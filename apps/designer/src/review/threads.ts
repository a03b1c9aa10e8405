import type { FormView } from '@yardstick/doc'
import type { CommentThread } from '../api/comments'

/** The threads on one element, as the comments panel lists them. */
export interface ThreadGroup {
  elementId: string
  /** The element's name now, or the one it had when commented on if it was deleted. */
  name: string
  /** The element is no longer in the document: its threads stay, marked. */
  orphaned: boolean
  threads: CommentThread[]
}

/**
 * Groups threads by the element they are anchored to, in the document's order (so a moved
 * question's threads move with it); threads whose element was deleted come last, orphaned.
 * Within a group, open threads first, then oldest first. Resolved threads only with
 * `showResolved`.
 *
 * @example
 * groupThreads(threads, view, { showResolved: false })[0]?.name // 'theoryStudy'
 */
export function groupThreads(
  threads: readonly CommentThread[],
  view: Pick<FormView, 'nodes' | 'order'>,
  { showResolved = false }: { showResolved?: boolean } = {},
): ThreadGroup[] {
  const byElement = new Map<string, CommentThread[]>()
  for (const thread of threads) {
    if (thread.resolved && !showResolved) continue
    byElement.set(thread.elementId, [...(byElement.get(thread.elementId) ?? []), thread])
  }
  const sorted = (list: CommentThread[]) =>
    [...list].sort((a, b) => Number(a.resolved) - Number(b.resolved) || a.id - b.id)
  const groups: ThreadGroup[] = []
  for (const id of view.order) {
    const list = byElement.get(id)
    if (!list) continue
    const name = view.nodes.get(id)?.json.name
    groups.push({
      elementId: id,
      name: typeof name === 'string' ? name : (list[0]?.elementName ?? id),
      orphaned: false,
      threads: sorted(list),
    })
    byElement.delete(id)
  }
  for (const [id, list] of byElement) {
    groups.push({
      elementId: id,
      name: list[0]?.elementName ?? id,
      orphaned: true,
      threads: sorted(list),
    })
  }
  return groups
}

/**
 * Open (unresolved) threads per element id: what a badge beside a tree row shows.
 *
 * @example
 * openCounts(threads).get(questionId) // 2
 */
export function openCounts(threads: readonly CommentThread[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>()
  for (const t of threads) {
    if (!t.resolved) counts.set(t.elementId, (counts.get(t.elementId) ?? 0) + 1)
  }
  return counts
}
