import { moveChoice, removeChoice } from '@yardstick/doc'
import type { FormSession } from '../../collab/form-session'

/** What the buttons of one list row say to a screen reader. */
export interface RowActionLabels {
  up: string
  down: string
  remove: string
}

/**
 * Move up, move down and remove for one entry of a choice-like list (choices, matrix rows and
 * columns, multiple-text items, dimensions), each one edit with this editor's origin.
 */
export function RowActions({
  entry,
  parent,
  slot,
  index,
  count,
  labels,
  session,
  canWrite,
}: {
  entry: string
  parent: string
  slot: string
  index: number
  count: number
  labels: RowActionLabels
  session: Pick<FormSession, 'doc' | 'origin'>
  canWrite: boolean
}) {
  const move = (to: number) =>
    moveChoice(session.doc, entry, { parent, slot, index: to }, session.origin)
  return (
    <td className="row-actions">
      <button
        type="button"
        className="icon"
        disabled={!canWrite || index === 0}
        aria-label={labels.up}
        onClick={() => move(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon"
        disabled={!canWrite || index === count - 1}
        aria-label={labels.down}
        onClick={() => move(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="icon"
        disabled={!canWrite}
        aria-label={labels.remove}
        onClick={() => removeChoice(session.doc, entry, session.origin)}
      >
        ✕
      </button>
    </td>
  )
}
