/**
 * Why the co-editing endpoint closed a socket: one closed set for the server that closes and the
 * clients that explain it (kept here because both ends already share this package). 4400–4499
 * are decisions reconnecting cannot fix (y-websocket stops); 4500–4599 are transient (it retries).
 */
export const CLOSE_REASONS = {
  badMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  messageTooLarge: 4413,
  /** The update would put the form over `FORM_LIMITS` (@yardstick/sdk): refused, not applied. */
  overFormLimits: 4423,
  rateLimited: 4429,
  loadFailed: 4500,
  shuttingDown: 4503,
  slowReader: 4508,
} as const
export type CloseReason = keyof typeof CLOSE_REASONS

const BY_CODE = new Map<number, CloseReason>(
  Object.entries(CLOSE_REASONS).map(([reason, code]) => [code, reason as CloseReason]),
)

/** The reason a close code stands for, or `null` for a code outside the set (1006, …). */
export function closeReasonOf(code: number): CloseReason | null {
  return BY_CODE.get(code) ?? null
}

/** Whether reconnecting cannot help (the provider has stopped). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500
}

/** Closes that say who may not edit, not what went wrong: reconnecting would be refused again. */
const REFUSALS: ReadonlySet<number> = new Set([
  CLOSE_REASONS.unauthenticated,
  CLOSE_REASONS.forbidden,
  CLOSE_REASONS.notFound,
])

/**
 * Whether a close refuses this session for good (signed out or deactivated, no right to the
 * document, no such document). An editor reconnects by itself after any other close but a
 * rejected edit (`isRejectedEdit`): what it typed is kept in its document (and IndexedDB) and
 * resynced, so a restart, an unreadable message or a slow link never strands it (y-websocket's
 * `shouldReconnect`).
 *
 * @example
 * new WebsocketProvider(url, room, doc, {
 *   shouldReconnect: (event) => !isRefusal(event.code) && !isRejectedEdit(event.code),
 * })
 */
export function isRefusal(code: number): boolean {
  return REFUSALS.has(code)
}

/** Closes that refuse what this editor wrote, not who it is: its unsynced changes themselves. */
const REJECTED_EDITS: ReadonlySet<number> = new Set([CLOSE_REASONS.overFormLimits])

/**
 * Whether a close refuses this editor's own unsynced changes (an update that would take the form
 * past `FORM_LIMITS`, SPEC [COL27]). Reconnecting cannot help: the editor would send the same
 * changes again from its document (and IndexedDB) and be refused again, forever. It stops, and
 * only discarding those changes and reopening the server's document lets it edit again.
 *
 * @example
 * isRejectedEdit(CLOSE_REASONS.overFormLimits) // true
 */
export function isRejectedEdit(code: number): boolean {
  return REJECTED_EDITS.has(code)
}
