import { findElementId, fromSurveyJson, moveElement, ROOT, readFormView } from '@yardstick/doc'
import { describe, expect, it } from 'vitest'
import { dropTarget, insertTarget, keyboardTarget, pageInsertIndex, visibleRows } from './places'

const me = { editor: 'test' }
const form = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'a' },
        { type: 'panel', name: 'box', elements: [{ type: 'text', name: 'b' }] },
        { type: 'text', name: 'c' },
      ],
    },
    { name: 'p2', elements: [{ type: 'text', name: 'd' }] },
  ],
}

function setup() {
  const doc = fromSurveyJson(form)
  const id = (name: string) => findElementId(doc, name) as string
  const page = (name: string) => findElementId(doc, name, { pages: true }) as string
  return { doc, id, page, view: () => readFormView(doc) }
}

/** Names in document order, pages included, after applying a target. */
function namesAfter(
  s: ReturnType<typeof setup>,
  name: string,
  target: ReturnType<typeof dropTarget>,
) {
  if (!target) throw new Error('no target')
  moveElement(s.doc, s.id(name) ?? s.page(name), target, me)
  const view = s.view()
  return view.order.map((id) => String(view.nodes.get(id)?.json.name))
}

describe('tree places', () => {
  it('dropping on a question in the same list takes its place, both ways', () => {
    const s = setup()
    expect(namesAfter(s, 'a', dropTarget(s.view(), s.id('a'), s.id('c')))).toEqual([
      'p1',
      'box',
      'b',
      'c',
      'a',
      'p2',
      'd',
    ])
    expect(namesAfter(s, 'a', dropTarget(s.view(), s.id('a'), s.id('box')))).toEqual([
      'p1',
      'box',
      'a',
      'b',
      'c',
      'p2',
      'd',
    ])
  })

  it('dropping on a page or panel row goes first inside it; pages move among pages', () => {
    const s = setup()
    expect(namesAfter(s, 'c', dropTarget(s.view(), s.id('c'), s.page('p2')))).toEqual([
      'p1',
      'a',
      'box',
      'b',
      'p2',
      'c',
      'd',
    ])
    const t = setup()
    const target = dropTarget(t.view(), t.page('p2'), t.id('a'))
    expect(target).toEqual({ parent: ROOT, slot: 'pages', index: 0 })
    moveElement(t.doc, t.page('p2'), target as NonNullable<typeof target>, me)
    expect(t.view().pages.map((p) => t.view().nodes.get(p)?.json.name)).toEqual(['p2', 'p1'])
  })

  it('keyboard moves go among siblings, across pages, out of and into panels', () => {
    const s = setup()
    expect(keyboardTarget(s.view(), s.id('a'), 'in')).toBeNull()
    expect(namesAfter(s, 'c', keyboardTarget(s.view(), s.id('c'), 'in'))).toEqual([
      'p1',
      'a',
      'box',
      'b',
      'c',
      'p2',
      'd',
    ])
    expect(namesAfter(s, 'b', keyboardTarget(s.view(), s.id('b'), 'out'))).toEqual([
      'p1',
      'a',
      'box',
      'c',
      'b',
      'p2',
      'd',
    ])
    expect(namesAfter(s, 'd', keyboardTarget(s.view(), s.id('d'), 'up'))).toEqual([
      'p1',
      'a',
      'box',
      'c',
      'b',
      'd',
      'p2',
    ])
    expect(namesAfter(s, 'd', keyboardTarget(s.view(), s.id('d'), 'down'))).toEqual([
      'p1',
      'a',
      'box',
      'c',
      'b',
      'p2',
      'd',
    ])
    expect(keyboardTarget(s.view(), s.id('d'), 'down')).toBeNull()
  })

  it('inserts after a selected question, inside a selected container, else on the last page', () => {
    const s = setup()
    const view = s.view()
    expect(insertTarget(view, s.id('a'))).toMatchObject({ parent: s.page('p1'), index: 1 })
    expect(insertTarget(view, s.id('box'))).toEqual({ parent: s.id('box'), slot: 'elements' })
    expect(insertTarget(view, null)).toEqual({ parent: s.page('p2') })
    expect(pageInsertIndex(view, s.id('b'))).toBe(1)
    expect(pageInsertIndex(view, null)).toBe(2)
  })

  it('collapsing a node hides everything under it', () => {
    const s = setup()
    const rows = visibleRows(s.view(), new Set([s.page('p1')]))
    expect(rows.map((r) => r.json.name)).toEqual(['p1', 'p2', 'd'])
  })
})
