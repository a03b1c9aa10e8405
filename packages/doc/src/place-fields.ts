import { FIELD, type NodeMap } from './layout'

/** Where a node or item sits: its parent (`ROOT` or an id), the slot in it, its order key. */
export interface Placed {
  parent: string
  slot: string
  order: string
}

function decode(value: unknown): Placed | null {
  if (!Array.isArray(value)) return null
  const [parent, slot, order] = value as unknown[]
  if (typeof parent !== 'string' || typeof slot !== 'string') return null
  return { parent, slot, order: typeof order === 'string' ? order : '' }
}

/** The stored place (`$place`, SPEC [DOC3]), or `null` when missing or malformed. */
export function storedPlace(node: NodeMap): Placed | null {
  return decode(node.get(FIELD.place))
}

/** The place before the last move (`$from`, SPEC [DOC13]), or `null`. */
export function previousPlace(node: NodeMap): Placed | null {
  return decode(node.get(FIELD.from))
}

/** Writes a place as one `[parent, slot, order]` value, unless it is already there. */
export function writePlace(node: NodeMap, { parent, slot, order }: Placed): void {
  const now = storedPlace(node)
  if (now?.parent === parent && now.slot === slot && now.order === order) return
  node.set(FIELD.place, [parent, slot, order])
}

/** Records where a node was before a move (`$from`). */
export function writePreviousPlace(node: NodeMap, { parent, slot, order }: Placed): void {
  node.set(FIELD.from, [parent, slot, order])
}
