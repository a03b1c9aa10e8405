import type { Awareness } from 'y-protocols/awareness'

/** Who an editor is, as others see them. `color` is a CSS hex colour (`#e11d48`). */
export interface PresenceUser {
  id: string
  name: string
  color: string
}

/** The text field an editor is typing in (the locale, for a localised text). */
export interface PresenceEditing {
  elementId: string
  field: string
  locale?: string
}

/** One editor's presence: who, what is selected, what is being typed in. */
export interface Presence {
  user: PresenceUser
  /** The selected page, element or choice id. */
  selection?: string
  editing?: PresenceEditing
}

/** A peer's presence, with its awareness client id. */
export interface PeerPresence extends Presence {
  clientId: number
  /** Whether this is the local client. */
  local: boolean
}

const MAX_LENGTH = 200
const COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i

const isShortString = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_LENGTH

function parseUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null
  const { id, name, color } = value as Record<string, unknown>
  if (!isShortString(id) || !isShortString(name) || typeof color !== 'string') return null
  return COLOR.test(color) ? { id, name, color } : null
}

function parseEditing(value: unknown): PresenceEditing | null {
  if (typeof value !== 'object' || value === null) return null
  const { elementId, field, locale } = value as Record<string, unknown>
  if (!isShortString(elementId) || !isShortString(field)) return null
  if (locale === undefined) return { elementId, field }
  return isShortString(locale) ? { elementId, field, locale } : null
}

/**
 * Parses one awareness state into a presence (SPEC [DOC17]), or `null` when it is not one:
 * a missing or malformed user, a colour that is not a hex colour, an over-long string, a
 * malformed selection or editing field. Awareness can be forged, so everything is checked.
 *
 * @example
 * parsePresence({ user: { id: 'u1', name: '张三', color: '#e11d48' } }) // the presence
 * parsePresence({ user: { id: 'u1', name: 'x', color: 'red;background:url(…)' } }) // null
 */
export function parsePresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null
  const { user, selection, editing } = state as Record<string, unknown>
  const parsedUser = parseUser(user)
  if (!parsedUser) return null
  const presence: Presence = { user: parsedUser }
  if (selection !== undefined && selection !== null) {
    if (!isShortString(selection)) return null
    presence.selection = selection
  }
  if (editing !== undefined && editing !== null) {
    const parsed = parseEditing(editing)
    if (!parsed) return null
    presence.editing = parsed
  }
  return presence
}

/**
 * Publishes this editor's presence on y-protocols awareness (SPEC [DOC17]): `user`,
 * `selection` and `editing` fields of the local state, keeping any other fields; a field left
 * out is cleared.
 *
 * @example
 * setPresence(provider.awareness, {
 *   user: { id: 'u1', name: '张三', color: '#e11d48' },
 *   editing: { elementId: questionId, field: 'title', locale: 'en' },
 * })
 */
export function setPresence(awareness: Awareness, presence: Presence): void {
  const {
    user: _user,
    selection: _selection,
    editing: _editing,
    ...others
  } = awareness.getLocalState() ?? {}
  const user = { id: presence.user.id, name: presence.user.name, color: presence.user.color }
  awareness.setLocalState({
    ...others,
    user,
    ...(presence.selection === undefined ? {} : { selection: presence.selection }),
    ...(presence.editing === undefined ? {} : { editing: { ...presence.editing } }),
  })
}

/**
 * Everyone's presence (SPEC [DOC17]): one entry per awareness client id with a well-formed
 * state, sorted by client id; malformed states are left out.
 *
 * @example
 * readPresence(provider.awareness).filter((p) => p.selection === questionId)
 */
export function readPresence(awareness: Awareness): PeerPresence[] {
  const out: PeerPresence[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const presence = parsePresence(state)
    if (presence) out.push({ clientId, local: clientId === awareness.clientID, ...presence })
  }
  return out.sort((a, b) => a.clientId - b.clientId)
}
