import type { CloseReason } from './close-codes'

/** What the users API needs from the co-editing endpoint of this process (SPEC [COL9]). */
export interface UserConnections {
  /**
   * Closes every live socket of `userId` now (default reason `unauthenticated`), except those
   * signed in with `keepToken`; returns how many closed.
   */
  closeUserConnections(userId: number, reason?: CloseReason, keepToken?: string): number
  /** Closes every live socket signed in with `token` now (sign-out); returns how many closed. */
  closeSessionConnections(token: string, reason?: CloseReason): number
}
