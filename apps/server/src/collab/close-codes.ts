import { CLOSE_REASONS, type CloseReason } from '@yardstick/doc'

export { CLOSE_REASONS, type CloseReason }

/** Closes a socket with the code of a reason, the reason as its text. */
export function closeWith(
  socket: { close: (code: number, reason: string) => void },
  reason: CloseReason,
): void {
  socket.close(CLOSE_REASONS[reason], reason)
}
