import { testStores } from '@yardstick/db/testing'
import { fromSurveyJson, toSurveyJson } from '@yardstick/doc'
import { FORM_LIMITS } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CLOSE_REASONS } from '../../src/collab/close-codes'
import { closedBy, eventually, useCollabSuite } from './collab-harness'

type Json = Record<string, unknown>

/** `depth` panels nested in one another, a question in the innermost (320: about 20 KB). */
function nestedPanels(depth: number, prefix = 'nestedPanel'): Json {
  let inner: Json = { type: 'text', name: `${prefix}Question` }
  for (let i = depth; i > 0; i--)
    inner = { type: 'panel', name: `${prefix}${i}`, elements: [inner] }
  return inner
}

/** What a client without `@yardstick/doc`'s checks can send: a page laid out straight into its doc. */
function rawPageUpdate(doc: Y.Doc, page: Json): Uint8Array {
  const before = Y.encodeStateVector(doc)
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(fromSurveyJson({ pages: [page] })))
  return Y.encodeStateAsUpdate(scratch, before)
}

function depthOf(json: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[json, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next
    deepest = Math.max(deepest, depth)
    if (value && typeof value === 'object')
      for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return deepest
}

describe.each(await testStores())('[COL27] form limits on the co-editing socket on %s', (kind) => {
  const t = useCollabSuite(kind)

  it('[COL27] an update of 320 nested panels is refused with 4423 and never reaches the document', async () => {
    const { formId, editors } = await t.editors(2)
    const [attacker, colleague] = editors as [(typeof editors)[0], (typeof editors)[0]]
    const closed = closedBy(attacker.provider)
    Y.applyUpdate(
      attacker.doc,
      rawPageUpdate(attacker.doc, { name: 'deep', elements: [nestedPanels(320)] }),
    )
    expect((await closed).code).toBe(CLOSE_REASONS.overFormLimits)

    // The colleague never hears it, the stored JSON never has it, and the server keeps serving.
    const { status, body } = await t.api('GET', `/api/forms/${formId}`)
    expect(status).toBe(200)
    expect(JSON.stringify(body.json)).not.toContain('nestedPanel')
    expect(JSON.stringify(toSurveyJson(colleague.doc))).not.toContain('nestedPanel')
    expect((await fetch(`${t.server.url}/api/health`)).status).toBe(200)
  })

  it('[COL27] an update within the caps is applied and relayed', async () => {
    const { editors } = await t.editors(2)
    const [writer, colleague] = editors as [(typeof editors)[0], (typeof editors)[0]]
    const allowed = nestedPanels(FORM_LIMITS.maxDepth - 1, 'ok')
    Y.applyUpdate(writer.doc, rawPageUpdate(writer.doc, { name: 'fine', elements: [allowed] }))
    await eventually(() =>
      expect(JSON.stringify(toSurveyJson(colleague.doc))).toContain('okQuestion'),
    )
    expect(depthOf(toSurveyJson(colleague.doc))).toBeGreaterThan(FORM_LIMITS.maxDepth)
    expect(writer.provider.wsconnected).toBe(true)
  })
})
