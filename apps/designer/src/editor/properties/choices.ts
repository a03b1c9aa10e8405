import type { FormView } from '@yardstick/doc'
import { useMemo } from 'react'
import { sameItems } from '../../collab/store'
import { useEditor, useViewSelect } from '../EditorContext'

/** A choice's value: the value of `{ value, text }`, or the bare entry itself. */
export function choiceValue(choice: unknown): unknown {
  return choice && typeof choice === 'object' && 'value' in choice
    ? (choice as { value: unknown }).value
    : choice
}

/** A choice's JSON as an object (a bare entry `'a'` reads as `{ value: 'a' }`). */
export function choiceObject(choice: unknown): Record<string, unknown> {
  return choice && typeof choice === 'object'
    ? (choice as Record<string, unknown>)
    : { value: choice }
}

/** Every question with a name, in document order, for pickers: name, title, choice values. */
export function questionOptions(view: FormView, except?: string) {
  const out: Array<{ id: string; name: string; choices: unknown[] }> = []
  for (const id of view.order) {
    const node = view.nodes.get(id)
    if (node?.kind !== 'question' || id === except) continue
    const name = node.json.name
    if (typeof name !== 'string' || !name) continue
    const choices = Array.isArray(node.json.choices) ? node.json.choices.map(choiceValue) : []
    if (node.json.type === 'boolean') choices.push(true, false)
    out.push({ id, name, choices })
  }
  return out
}

/**
 * `questionOptions` kept between renders while no question is added, moved, removed or renamed
 * (the incremental view keeps `order` and `names` then): pickers of 500 questions are then one
 * unchanged array, whose options React does not reconcile again on every keystroke.
 */
export function useQuestionOptions(except?: string) {
  const { session } = useEditor()
  // `order` and `names` change whenever a question is added, moved, removed, renamed or retyped
  // (a full read); typing keeps them, and the list then stays the one made before.
  const [order, names] = useViewSelect((view) => [view.order, view.names] as const, sameItems)
  return useMemo(() => questionOptions(session.view.get(), except), [order, names, except, session])
}

/**
 * A value typed into a field, kept as a number when the choice it replaces was a number.
 *
 * @example
 * typedValue('3', 2) // 3
 * typedValue('3', 'a') // '3'
 */
export function typedValue(text: string, previous: unknown): unknown {
  if (typeof previous === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) {
    return Number(text)
  }
  return text
}

/** The JSON of some items (choices, rows, dimensions), rendering again only when one changes. */
export function useItemsJson(ids: readonly string[]): unknown[] {
  return useViewSelect((view) => ids.map((id) => view.items.get(id)?.json), sameItems)
}
