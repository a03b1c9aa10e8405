import type { WebsocketProvider } from 'y-websocket'

/**
 * Makes the provider send only this client's own presence. `y-websocket` sends every awareness
 * change it sees, other editors' included, straight back to the server: with a room of moving
 * colleagues that multiplies each editor's awareness traffic by the room's size. The server
 * drops such echoes without counting them (COL6; it once closed such editors as `rateLimited`),
 * so this only saves the traffic. The handler is swapped under the provider's own field so its
 * `destroy` removes ours.
 */
export function sendOwnAwarenessOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const send = provider._awarenessUpdateHandler
  awareness.off('update', send)
  provider._awarenessUpdateHandler = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const own = (list: number[]) => list.filter((id) => id === awareness.clientID)
    if (own(added).length + own(updated).length + own(removed).length === 0) return
    send({ added: own(added), updated: own(updated), removed: own(removed) }, origin)
  }
  awareness.on('update', provider._awarenessUpdateHandler)
}
