import type { NodeView } from '@yardstick/doc'
import { describe, expect, it } from 'vitest'
import type { CommentThread } from '../api/comments'
import { groupThreads, openCounts } from './threads'

const person = { id: 1, name: '评审员' }
const thread = (id: number, elementId: string, resolved = false): CommentThread => ({
  id,
  elementId,
  elementName: `was-${elementId}`,
  body: `comment ${id}`,
  author: person,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  resolved,
  resolvedAt: resolved ? '2026-01-02T00:00:00Z' : null,
  resolvedBy: resolved ? person : null,
  replies: [],
})
const node = (id: string, name: string) =>
  [id, { id, json: { name } } as unknown as NodeView] as const

describe('groupThreads', () => {
  const view = {
    order: ['p1', 'q2', 'q1'],
    nodes: new Map([node('p1', 'page1'), node('q1', 'a'), node('q2', 'b')]),
  }

  it('groups by element in document order, so threads follow a moved element', () => {
    const threads = [thread(1, 'q1'), thread(2, 'q2'), thread(3, 'q1')]
    const groups = groupThreads(threads, view)
    expect(groups.map((g) => [g.elementId, g.name, g.threads.map((t) => t.id)])).toEqual([
      ['q2', 'b', [2]],
      ['q1', 'a', [1, 3]],
    ])
  })

  it('keeps threads of a deleted element, last and marked orphaned, under their old name', () => {
    const groups = groupThreads([thread(1, 'gone'), thread(2, 'q1')], view)
    expect(groups.at(-1)).toMatchObject({ elementId: 'gone', name: 'was-gone', orphaned: true })
    expect(groups[0]?.orphaned).toBe(false)
  })

  it('hides resolved threads unless asked, and lists open ones first', () => {
    const threads = [thread(1, 'q1', true), thread(2, 'q1')]
    expect(groupThreads(threads, view).flatMap((g) => g.threads.map((t) => t.id))).toEqual([2])
    expect(
      groupThreads(threads, view, { showResolved: true }).flatMap((g) =>
        g.threads.map((t) => t.id),
      ),
    ).toEqual([2, 1])
  })

  it('counts open threads per element for the tree badge', () => {
    const counts = openCounts([
      thread(1, 'q1'),
      thread(2, 'q1'),
      thread(3, 'q1', true),
      thread(4, 'q2'),
    ])
    expect([...counts]).toEqual([
      ['q1', 2],
      ['q2', 1],
    ])
  })
})
