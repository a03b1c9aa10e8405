import type { ICollabOut } from 'survey-core/collaboration'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { templates } from '../templates/index'
import { createCoFill } from './co-fill'
import type {
  CoFillAwareness,
  CoFillAwarenessChange,
  CoFillClose,
  CoFillDoc,
  CoFillMap,
  CoFillMapListener,
  CoFillProvider,
} from './co-fill-types'
import { createSurveyModel } from './sanitized-model'

// In-memory stand-ins with the shapes of Y.Doc, awareness and WebsocketProvider: the SDK has no
// Yjs. The server's test/collab/co-fill.test.ts runs the same transport over the real ones.

class FakeDoc implements CoFillDoc {
  origin: unknown = null
  private readonly maps = new Map<string, FakeMap>()
  getMap(name: string): FakeMap {
    const map = this.maps.get(name) ?? new FakeMap(this)
    this.maps.set(name, map)
    return map
  }
  transact(change: () => void, origin: unknown = null): void {
    this.origin = origin
    try {
      change()
    } finally {
      this.origin = null
    }
  }
}

class FakeMap implements CoFillMap {
  private readonly data = new Map<string, unknown>()
  private readonly listeners = new Set<CoFillMapListener>()
  constructor(private readonly doc: FakeDoc) {}
  get = (key: string) => this.data.get(key)
  has = (key: string) => this.data.has(key)
  toJSON = () => Object.fromEntries(this.data)
  set(key: string, value: unknown) {
    this.data.set(key, value)
    this.changed(key)
    return value
  }
  delete(key: string) {
    this.data.delete(key)
    this.changed(key)
  }
  observe = (listener: CoFillMapListener) => void this.listeners.add(listener)
  unobserve = (listener: CoFillMapListener) => void this.listeners.delete(listener)
  private changed(key: string) {
    for (const listener of this.listeners)
      listener({ keysChanged: new Set([key]) }, { origin: this.doc.origin })
  }
}

type AwarenessListener = (change: CoFillAwarenessChange, origin: unknown) => void

class FakeAwareness implements CoFillAwareness {
  clientID = 1
  readonly states = new Map<number, Record<string, unknown>>()
  readonly sent: Array<Record<string, unknown>> = []
  private readonly listeners = new Set<AwarenessListener>()
  getStates = () => this.states
  setLocalStateField(field: string, value: unknown) {
    const state = { ...this.states.get(this.clientID), [field]: value }
    this.states.set(this.clientID, state)
    this.sent.push(state)
    this.emit({ added: [], updated: [this.clientID], removed: [] })
  }
  setRemote(id: number, state: Record<string, unknown> | null) {
    const had = this.states.has(id)
    if (state) this.states.set(id, state)
    else this.states.delete(id)
    if (!state) this.emit({ added: [], updated: [], removed: [id] })
    else this.emit({ added: had ? [] : [id], updated: had ? [id] : [], removed: [] })
  }
  on = (_event: 'change', listener: AwarenessListener) => void this.listeners.add(listener)
  off = (_event: 'change', listener: AwarenessListener) => void this.listeners.delete(listener)
  private emit(change: CoFillAwarenessChange) {
    for (const listener of this.listeners) listener(change, null)
  }
}

class FakeProvider implements CoFillProvider {
  synced = false
  readonly awareness = new FakeAwareness()
  private readonly listeners = new Map<string, Set<(event: never) => void>>()
  on(event: string, listener: (event: never) => void): void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener)
    this.listeners.set(event, set)
  }
  off(event: string, listener: (event: never) => void): void {
    this.listeners.get(event)?.delete(listener)
  }
  emit(event: 'sync', value: boolean): void
  emit(event: 'status', value: { status: string }): void
  emit(event: 'closed', value: CoFillClose): void
  emit(event: string, value: unknown): void {
    if (event === 'sync') this.synced = value as boolean
    for (const listener of this.listeners.get(event) ?? []) listener(value as never)
  }
}

function setUp() {
  const doc = new FakeDoc()
  const provider = new FakeProvider()
  const model = createSurveyModel(templates.selfCheck)
  const coFill = createCoFill(model, {
    doc,
    provider,
    user: { name: '张书记', colorIndex: 3 },
    bar: false,
    history: false,
  })
  return { doc, provider, model, coFill, answers: doc.getMap('answers'), meta: doc.getMap('meta') }
}

describe('co-filling over a response document', () => {
  afterEach(() => vi.useRealTimers())

  it('keeps a comment under <name>-Comment in the document, as survey.data and the row do', () => {
    const { provider, model, answers } = setUp()
    provider.emit('sync', true)
    model.setValue('theoryStudy', 'yes')
    model.setComment('theoryStudy', '按月学习')
    expect(answers.toJSON()).toEqual({ theoryStudy: 'yes', 'theoryStudy-Comment': '按月学习' })
  })

  it('applies a remote change after the first sync, and the whole document at each sync', () => {
    const { doc, provider, model, answers } = setUp()
    doc.transact(() => answers.set('theoryStudy', 'no'), 'remote')
    expect(model.data).toEqual({})
    provider.emit('sync', true)
    expect(model.data).toEqual({ theoryStudy: 'no' })
    doc.transact(() => answers.set('theoryStudy-Comment', '学习不经常'), 'remote')
    expect(model.getComment('theoryStudy')).toBe('学习不经常')
    doc.transact(() => answers.delete('theoryStudy'), 'remote')
    expect(model.getValue('theoryStudy')).toBeUndefined()
  })

  it('sends presence at most once per interval, the latest state last, with the user', () => {
    vi.useFakeTimers()
    const { provider, coFill } = setUp()
    const presence = (focus: string): { message: ICollabOut } => ({
      message: { type: 'presence', state: { page: 'p', focus }, retain: false },
    })
    provider.awareness.sent.length = 0
    for (const focus of ['a', 'b', 'c', 'd'])
      coFill.plugin.onEvent.fire(coFill.plugin, presence(focus))
    expect(provider.awareness.sent.map((s) => (s.survey as { focus: string }).focus)).toEqual(['a'])
    vi.advanceTimersByTime(100)
    expect(provider.awareness.sent.map((s) => (s.survey as { focus: string }).focus)).toEqual([
      'a',
      'd',
    ])
    expect(provider.awareness.sent.at(-1)?.user).toEqual({ name: '张书记', colorIndex: 3 })
  })

  it('shows other participants from awareness, and not itself', () => {
    const { provider, coFill } = setUp()
    provider.awareness.setRemote(7, { user: { name: '李委员' }, survey: { focus: 'theoryStudy' } })
    provider.emit('sync', true)
    expect([...coFill.plugin.peers.values()].map((p) => [p.clientId, p.name])).toEqual([
      ['7', '李委员'],
    ])
    provider.awareness.setRemote(7, null)
    expect(coFill.plugin.peers.size).toBe(0)
  })

  it('reports a dropped socket as connecting and a final close as closed, with its reason', () => {
    const { provider, coFill } = setUp()
    provider.emit('sync', true)
    expect(coFill.plugin.status).toBe('connected')
    provider.emit('status', { status: 'disconnected' })
    expect(coFill.plugin.status).toBe('connecting')
    provider.emit('closed', { code: 4403, reason: 'forbidden' })
    expect(coFill.plugin.status).toBe('closed')
    expect(coFill.closedBy).toEqual({ code: 4403, reason: 'forbidden' })
  })

  it('turns the survey read-only and stops writing once the self-check leaves draft', () => {
    const { doc, provider, model, answers, meta, coFill } = setUp()
    provider.emit('sync', true)
    doc.transact(() => meta.set('status', 'approved'), 'remote')
    expect(model.readOnly).toBe(true)
    expect(coFill.frozen).toBe(true)
    model.setValue('theoryStudy', 'no')
    expect(answers.has('theoryStudy')).toBe(false)
  })

  it('stops listening when destroyed', () => {
    const { doc, provider, model, answers, coFill } = setUp()
    provider.emit('sync', true)
    coFill.destroy()
    doc.transact(() => answers.set('theoryStudy', 'no'), 'remote')
    model.setValue('partyDues', 'yes')
    expect(model.getValue('theoryStudy')).toBeUndefined()
    expect(answers.has('partyDues')).toBe(false)
  })
})
