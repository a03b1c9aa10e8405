import type { SurveyModel } from 'survey-core'
import {
  CollaborationPlugin,
  type ICollabOut,
  type ICollaborationOptions,
  type IPresencePeerEntry,
} from 'survey-core/collaboration'
import type {
  CoFillAwarenessChange,
  CoFillClose,
  CoFillDoc,
  CoFillMapListener,
  CoFillProvider,
} from './co-fill-types'

/**
 * The layout of a co-filled response document, shared with the server: `answers` maps a value
 * name to its answer exactly as `survey.data` holds it (a comment under `<name>-Comment`);
 * `meta.status` is the self-check's status, and anything but `draft` is frozen.
 */
export const CO_FILL_LAYOUT = { answers: 'answers', meta: 'meta' } as const

/** survey-core's default comment suffix: how a comment is keyed in `survey.data` and the row. */
const DATA_COMMENT_SUFFIX = '-Comment'
/** survey-core/collaboration's fixed comment suffix on the wire. */
const WIRE_COMMENT_SUFFIX = '\0comment'

/** Who this participant is, as the other participants see them. */
export interface CoFillUser {
  name: string
  /** A colour slot 1–9 of the collaboration theme (default: derived from the client id). */
  colorIndex?: number
}

/** Options of `connectCoFill`. */
export interface CoFillConnectOptions {
  /** The response document, e.g. `new Y.Doc()`. */
  doc: CoFillDoc
  /** Its provider, e.g. `new WebsocketProvider(url + '/collab', 'response/' + id, doc, …)`. */
  provider: CoFillProvider
  user?: CoFillUser
  /** At most one presence message per this many ms (default 100; the server takes 20/s). */
  presenceIntervalMs?: number
}

/** A live connection between a `CollaborationPlugin` and a response document. */
export interface CoFillConnection {
  /** Whether the self-check has left draft (approved or later): the survey is then read-only. */
  readonly frozen: boolean
  /** The server's final close (e.g. 4403 `forbidden`), or null while it may still connect. */
  readonly closedBy: CoFillClose | null
  /** Unhooks the plugin from the document; the doc and provider stay the caller's. */
  disconnect: () => void
}

/**
 * Connects survey-core's `CollaborationPlugin` to a Yjs response document served by
 * `/collab/response/:id`. The plugin speaks an ordered stream of last-write-wins messages; here
 * they map onto the document: a value message sets (or, when cleared, deletes) one key of the
 * `answers` Y.Map; a remote change of that map becomes a value message for each changed key,
 * credited to the client that wrote it; each sync sends the plugin an authoritative `init` of
 * the whole map and the present peers; presence travels as the awareness field `survey` (with
 * `user`); a dropped socket is status `connecting`, a final close status `closed`. When
 * `meta.status` leaves `draft`, local edits stop and the survey turns read-only.
 *
 * @param plugin a plugin on the survey being filled
 * @param options `doc`, `provider`, `user`, `presenceIntervalMs` (default 100)
 * @example
 * const plugin = new CollaborationPlugin(model)
 * const connection = connectCoFill(plugin, { doc, provider, user: { name: '张三' } })
 */
export function connectCoFill(
  plugin: CollaborationPlugin,
  { doc, provider, user, presenceIntervalMs = 100 }: CoFillConnectOptions,
): CoFillConnection {
  const survey = plugin.survey
  const answers = doc.getMap(CO_FILL_LAYOUT.answers)
  const meta = doc.getMap(CO_FILL_LAYOUT.meta)
  const awareness = provider.awareness
  const origin = { coFill: true }
  let closedBy: CoFillClose | null = null
  let presence: { timer?: ReturnType<typeof setTimeout>; sentAt: number; state?: unknown } = {
    sentAt: 0,
  }
  const isFrozen = () => (meta.get('status') ?? 'draft') !== 'draft'

  const wireKey = (name: string) =>
    name.endsWith(DATA_COMMENT_SUFFIX) && !survey.getQuestionByValueName(name)
      ? name.slice(0, -DATA_COMMENT_SUFFIX.length) + WIRE_COMMENT_SUFFIX
      : name
  const dataKey = (key: string) =>
    key.endsWith(WIRE_COMMENT_SUFFIX)
      ? key.slice(0, -WIRE_COMMENT_SUFFIX.length) + DATA_COMMENT_SUFFIX
      : key

  const writeValue = (key: string, value: unknown) => {
    if (isFrozen()) return
    const name = dataKey(key)
    const next = plain(value)
    doc.transact(() => {
      if (next === undefined) {
        if (answers.has(name)) answers.delete(name)
      } else if (JSON.stringify(answers.get(name)) !== JSON.stringify(next)) {
        answers.set(name, next)
      }
    }, origin)
  }

  const sendPresence = () => {
    presence.timer = undefined
    presence.sentAt = Date.now()
    awareness.setLocalStateField('survey', presence.state ?? null)
  }
  const onEvent = (_sender: unknown, { message }: { message: ICollabOut }) => {
    if (message.type === 'value') writeValue(message.key, message.value)
    else if (message.type === 'presence') {
      presence.state = message.state
      if (presence.timer !== undefined) return
      const wait = presence.sentAt + presenceIntervalMs - Date.now()
      if (wait <= 0) sendPresence()
      else presence.timer = setTimeout(sendPresence, wait)
    }
  }

  const peerOf = (clientId: number): IPresencePeerEntry | null => {
    const state = awareness.getStates().get(clientId)
    if (!state) return null
    const who = (state.user ?? {}) as Partial<CoFillUser>
    return {
      clientId: String(clientId),
      name: typeof who.name === 'string' ? who.name : '',
      ...(typeof who.colorIndex === 'number' ? { colorIndex: who.colorIndex } : {}),
      state: state.survey ?? null,
    }
  }
  const init = () => {
    const values: Record<string, unknown> = {}
    for (const [name, value] of Object.entries(answers.toJSON())) values[wireKey(name)] = value
    const peers = [...awareness.getStates().keys()]
      .filter((id) => id !== awareness.clientID)
      .flatMap((id) => peerOf(id) ?? [])
    plugin.apply({ type: 'init', values, peers })
    freezeIfNeeded()
  }
  const freezeIfNeeded = () => {
    if (isFrozen() && !survey.readOnly) survey.readOnly = true
  }

  const onAnswers: CoFillMapListener = (event, transaction) => {
    // Before the first sync the `init` that follows carries everything.
    if (transaction.origin === origin || !provider.synced) return
    for (const name of event.keysChanged) {
      const from = authorOf(answers, name)
      plugin.apply({
        type: 'value',
        key: wireKey(name),
        value: answers.get(name) ?? null,
        ...(from === undefined ? {} : { from: String(from) }),
      })
    }
  }
  const onMeta: CoFillMapListener = () => freezeIfNeeded()
  const onSync = (synced: boolean) => {
    if (synced) init()
  }
  const onStatus = ({ status }: { status: string }) => {
    // `connecting` again after a final close: the app reconnected on purpose.
    if (status === 'connecting') closedBy = null
    if (status !== 'connected') plugin.apply({ type: 'status', status: 'connecting' })
  }
  const onClosed = (event: CoFillClose) => {
    closedBy = { code: event.code, reason: event.reason }
    plugin.apply({ type: 'status', status: 'closed' })
  }
  const onAwareness = ({ added, updated, removed }: CoFillAwarenessChange) => {
    for (const id of [...added, ...updated]) {
      const peer = id === awareness.clientID ? null : peerOf(id)
      if (peer) plugin.apply({ type: 'peer', peer })
    }
    for (const id of removed) plugin.apply({ type: 'peer-left', clientId: String(id) })
  }

  if (user) awareness.setLocalStateField('user', user)
  plugin.onEvent.add(onEvent)
  answers.observe(onAnswers)
  meta.observe(onMeta)
  provider.on('sync', onSync)
  provider.on('status', onStatus)
  provider.on('closed', onClosed)
  awareness.on('change', onAwareness)
  if (provider.synced) init()

  return {
    get frozen() {
      return isFrozen()
    },
    get closedBy() {
      return closedBy
    },
    disconnect: () => {
      clearTimeout(presence.timer)
      presence = { sentAt: 0 }
      plugin.onEvent.remove(onEvent)
      answers.unobserve(onAnswers)
      meta.unobserve(onMeta)
      provider.off('sync', onSync)
      provider.off('status', onStatus)
      provider.off('closed', onClosed)
      awareness.off('change', onAwareness)
    },
  }
}

/** Options of `createCoFill`: the connection's and the plugin's own (`bar`, `presence`, …). */
export interface CoFillOptions extends CoFillConnectOptions, ICollaborationOptions {}

/** A survey filled together: its plugin and its connection to the response document. */
export interface CoFill extends CoFillConnection {
  plugin: CollaborationPlugin
  /** Disconnects and disposes the plugin. */
  destroy: () => void
}

/**
 * Lets several people fill one survey live: puts survey-core's `CollaborationPlugin` on it and
 * connects the plugin to the response document (see `connectCoFill`). For the plugin's bar and
 * presence rings in a page, import `survey-core/collaboration.css` too.
 *
 * @param survey the model being filled, e.g. from `createSurveyModel(form)`
 * @param options `doc`, `provider`, `user`, `presenceIntervalMs` and the plugin's options
 * @example
 * const doc = new Y.Doc()
 * // A page of the server's origin is signed in by its session cookie (never a token in the URL).
 * const provider = new WebsocketProvider(`${origin}/collab`, `response/${selfCheck.id}`, doc)
 * const coFill = createCoFill(createSurveyModel(selfCheck.form), { doc, provider, user })
 */
export function createCoFill(survey: SurveyModel, options: CoFillOptions): CoFill {
  const { doc, provider, user, presenceIntervalMs, ...pluginOptions } = options
  const plugin = new CollaborationPlugin(survey, pluginOptions)
  const connection = connectCoFill(plugin, { doc, provider, user, presenceIntervalMs })
  return {
    plugin,
    get frozen() {
      return connection.frozen
    },
    get closedBy() {
      return connection.closedBy
    },
    disconnect: connection.disconnect,
    destroy: () => {
      connection.disconnect()
      plugin.dispose()
    },
  }
}

/** The client that last wrote a key of a Y.Map (Yjs keeps it on the map's item). */
function authorOf(map: object, key: string): number | undefined {
  const items = (map as { _map?: Map<string, { id?: { client?: number } }> })._map
  return items?.get(key)?.id?.client
}

/** A value as JSON keeps it; undefined for a cleared one (null, undefined). */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  return JSON.parse(JSON.stringify(value))
}
