import {
  editText,
  type FormView,
  readFormView,
  setPresence,
  trackViewChanges,
  updateFormView,
} from '@yardstick/doc'
import { signedInWebSocket } from '@yardstick/testing'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnAwarenessOnly } from '../src/collab/own-awareness'

const COLORS = ['#1c7ed6', '#2f9e44', '#e8590c', '#9c36b5']

/** Other editors on the form, as Node clients: they move their selection and type a little. */
export interface Peers {
  /** Edits the peers made (to show the page was receiving others' changes during the run). */
  edits: () => number
  stop: () => void
}

/**
 * Connects `count` `y-websocket` clients to the form, each with its own presence; every 400 ms
 * each selects another question, and every 1.5 s it types one character into the description of
 * a question of its own (never the one the browser types in), like colleagues working beside you.
 */
export async function connectPeers(
  serverUrl: string,
  formId: number,
  token: string,
  count: number,
  avoid: (name: unknown) => boolean,
): Promise<Peers> {
  const wsUrl = `${serverUrl.replace(/^http/, 'ws')}/collab`
  const clients = Array.from({ length: count }, (_, n) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(wsUrl, String(formId), doc, {
      WebSocketPolyfill: signedInWebSocket(WebSocket, token),
    })
    sendOwnAwarenessOnly(provider)
    const user = {
      id: `bench-${n}`,
      name: `同事 ${n + 1}`,
      color: COLORS[n % COLORS.length] as string,
    }
    setPresence(provider.awareness, { user })
    return { doc, provider, user, origin: { bench: n } }
  })
  await Promise.all(
    clients.map(
      ({ provider }) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('a bench peer did not sync in 30 s')),
            30_000,
          )
          provider.once('sync', () => {
            clearTimeout(timer)
            resolve()
          })
        }),
    ),
  )
  let edits = 0
  let tick = 0
  // Each peer keeps its view of the form as the designer does: read once, then patched.
  const views = clients.map(({ doc }) => {
    const tracker = trackViewChanges(doc)
    let view: FormView = readFormView(doc)
    return {
      questions: () => {
        view = updateFormView(doc, view, tracker.take())
        return [...view.nodes.values()]
          .filter((node) => node.kind !== 'page' && !avoid(node.json.name))
          .map((node) => node.id)
      },
      destroy: () => tracker.destroy(),
    }
  })
  const timer = setInterval(() => {
    tick++
    clients.forEach(({ doc, provider, user, origin }, n) => {
      const ids = views[n]?.questions() ?? []
      const id = ids[(tick * 7 + n * 97) % ids.length]
      if (!id) return
      setPresence(provider.awareness, { user, selection: id })
      if (tick % 4 === n % 4) {
        editText(doc, { target: id, key: 'description', index: 0, insert: '·' }, origin)
        edits++
      }
    })
  }, 400)
  return {
    edits: () => edits,
    stop: () => {
      clearInterval(timer)
      for (const view of views) view.destroy()
      for (const { provider, doc } of clients) {
        provider.destroy()
        doc.destroy()
      }
    },
  }
}
