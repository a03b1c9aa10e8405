import type { NodeView } from '@yardstick/doc'

/**
 * `memo`'s comparison for a part of the property panel that reads only `keys` of its node's
 * JSON: typing in the node's title makes a new node object, and every part that does not show
 * the title keeps its render. Other props are compared as `memo` does.
 *
 * @example
 * export const ScoringFields = memo(ScoringFieldsOf, readsKeys('dimension', 'maxScore'))
 */
export function readsKeys<P extends { node: NodeView }>(...keys: string[]) {
  return (before: P, after: P): boolean => {
    for (const prop of Object.keys(after) as Array<keyof P>) {
      if (prop !== 'node' && !Object.is(before[prop], after[prop])) return false
    }
    const a = before.node
    const b = after.node
    return (
      a.id === b.id &&
      a.kind === b.kind &&
      a.items === b.items &&
      Object.is(a.json.type, b.json.type) &&
      keys.every((key) => Object.is(a.json[key], b.json[key]))
    )
  }
}
