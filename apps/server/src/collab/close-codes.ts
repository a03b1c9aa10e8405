/**
 * Why the server closed a co-editing socket: a fixed code and reason from one closed set.
 * y-websocket's provider stops reconnecting on 4400–4499 (a decision reconnecting cannot fix)
 * and retries everything else, so transient reasons live in 4500–4599.
 */
export const CLOSE_REASONS = {
  badMessage: 4400,
  unauthenticated: 4401,
  forbidden: 4403,
  notFound: 4404,
  messageTooLarge: 4413,
  missingDependencies: 4422,
  rateLimited: 4429,
  loadFailed: 4500,
  shuttingDown: 4503,
  slowReader: 4508,
} as const
export type CloseReason = keyof typeof CLOSE_REASONS

/** Closes a socket with the code of a reason, the reason as its text. */
export function closeWith(
  socket: { close: (code: number, reason: string) => void },
  reason: CloseReason,
): void {
  socket.close(CLOSE_REASONS[reason], reason)
}
