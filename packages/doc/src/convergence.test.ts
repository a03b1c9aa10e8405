import { templates } from '@yardstick/sdk'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fromSurveyJson } from './from-json'
import { formDocStats } from './stats'
import { createPeers, deliver, syncAll } from './testing/peers'
import { applyStep, steps } from './testing/random-edits'
import { allNodes } from './testing/walk'
import { toSurveyJson } from './to-json'

const PEERS = 5

const start = {
  title: { default: '自查表', en: 'Self-check' },
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'panel', name: 'panel1', elements: [{ type: 'text', name: 'q1', title: 'One' }] },
        { type: 'radiogroup', name: 'q2', title: 'Two', choices: ['a', { value: 'b', score: 1 }] },
      ],
    },
    { name: 'p2', elements: [{ type: 'panel', name: 'panel2', elements: [] }] },
  ],
}

/** Each node once, names as unique as written, every choice once, and it round-trips. */
function expectValidShape(doc: Y.Doc) {
  const json = toSurveyJson(doc)
  const nodes = allNodes(json)
  const names = nodes.map((n) => n.name)
  expect(new Set(names).size).toBe(names.length)
  const stats = formDocStats(doc)
  expect(nodes.length).toBe(stats.pages + stats.elements)
  const values = nodes.flatMap((n) =>
    Array.isArray(n.choices) ? n.choices.map((c) => JSON.stringify(c?.value ?? c)) : [],
  )
  expect(new Set(values).size).toBe(values.length)
  expect(toSurveyJson(fromSurveyJson(json))).toEqual(json)
}

describe('convergence', () => {
  it(`[DOC14] ${PEERS} replicas editing at random converge, in any delivery order`, () => {
    fc.assert(
      fc.property(steps(PEERS), (schedule) => {
        const peers = createPeers(PEERS, start)
        const counter = { n: 0 }
        for (const step of schedule) {
          const peer = peers[step.peer]
          if (!peer) continue
          if (step.kind === 'edit') applyStep(peer, step, counter)
          else deliver(peer, step.picks, step.merge)
        }
        syncAll(peers)
        const [first, ...rest] = peers
        if (!first) return
        const json = toSurveyJson(first.doc)
        for (const peer of rest) {
          expect(Y.encodeStateVector(peer.doc)).toEqual(Y.encodeStateVector(first.doc))
          expect(toSurveyJson(peer.doc)).toEqual(json)
          expect(JSON.stringify(toSurveyJson(peer.doc))).toBe(JSON.stringify(json))
        }
        expectValidShape(first.doc)
      }),
      { numRuns: 150 },
    )
  })

  it('[DOC14] replicas of a template converge under random edits', () => {
    fc.assert(
      fc.property(steps(PEERS, 25), (schedule) => {
        const peers = createPeers(PEERS, templates.scorecard)
        const counter = { n: 0 }
        for (const step of schedule) {
          const peer = peers[step.peer]
          if (peer && step.kind === 'edit') applyStep(peer, step, counter)
          else if (peer && step.kind === 'deliver') deliver(peer, step.picks, step.merge)
        }
        syncAll(peers)
        const json = toSurveyJson(peers[0]?.doc ?? new Y.Doc())
        for (const peer of peers) expect(toSurveyJson(peer.doc)).toEqual(json)
      }),
      { numRuns: 30 },
    )
  })
})
