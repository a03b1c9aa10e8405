/** `ws`'s WebSocket constructor (taken as a value: this package does not depend on `ws`). */
export type NodeWebSocketClass = new (
  url: string,
  protocols: string | string[] | undefined,
  options: { headers: Record<string, string> },
) => object

/**
 * `ws`'s WebSocket as y-websocket's `WebSocketPolyfill`, signed in the way a program calling the
 * server is: `Authorization: Bearer <token>` on the upgrade (the co-editing endpoint never reads
 * a token from the URL; a browser's upgrade carries the session cookie instead). `headers` adds
 * more, e.g. an `Origin` to act as a page would.
 *
 * @example
 * new WebsocketProvider(wsUrl, '7', doc, { WebSocketPolyfill: signedInWebSocket(WebSocket, token) })
 */
export function signedInWebSocket(
  Socket: NodeWebSocketClass,
  token: string,
  headers: Record<string, string> = {},
): typeof globalThis.WebSocket {
  const all = { authorization: `Bearer ${token}`, ...headers }
  class SignedInWebSocket extends Socket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: all })
    }
  }
  return SignedInWebSocket as unknown as typeof globalThis.WebSocket
}
