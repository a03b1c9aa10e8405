import '@yardstick/sdk'
import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { type DraftStorage, keepDraft } from './drafts'

const FORM = {
  elements: [
    { type: 'radiogroup', name: 'study', choices: ['satisfied', 'basic'] },
    { type: 'comment', name: 'advice' },
  ],
}

function memory(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

describe('keepDraft', () => {
  it('saves each answer and gives it back to the next form of the same link and token', () => {
    const storage = memory()
    const first = new Model(FORM)
    keepDraft(first, 'server|slug|token', storage)
    first.setValue('study', 'basic')
    const again = new Model(FORM)
    keepDraft(again, 'server|slug|token', storage)
    expect(again.data).toEqual({ study: 'basic' })
    const other = new Model(FORM)
    keepDraft(other, 'server|slug|other-token', storage)
    expect(other.data).toEqual({})
  })

  it('never overwrites answers already in the form, and is gone once submitted', () => {
    const storage = memory()
    storage.setItem('yardstick:draft:k', JSON.stringify({ study: 'basic' }))
    const resumed = new Model(FORM)
    resumed.mergeData({ study: 'satisfied' })
    const draft = keepDraft(resumed, 'k', storage)
    expect(resumed.data).toEqual({ study: 'satisfied' })
    draft.clear()
    expect(storage.items.size).toBe(0)
    resumed.setValue('advice', '多开展主题党日')
    expect(storage.items.size).toBe(0)
  })

  it('keeps the form working where storage refuses', () => {
    const refusing: DraftStorage = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {
        throw new Error('denied')
      },
    }
    const model = new Model(FORM)
    const draft = keepDraft(model, 'k', refusing)
    model.setValue('study', 'basic')
    draft.clear()
    expect(model.data).toEqual({ study: 'basic' })
  })
})
