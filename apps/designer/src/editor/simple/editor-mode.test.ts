import { describe, expect, it } from 'vitest'
import { storedEditorMode, storeEditorMode } from './editor-mode'

/** A device's storage, as the browser's localStorage answers. */
function deviceStorage() {
  const values = new Map<string, string>()
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  }
}

describe('the editor mode a user chose on this device', () => {
  it('is simple for an editor who has not chosen', () => {
    expect(storedEditorMode(7, deviceStorage())).toBe('simple')
  })

  it('is remembered per user: one user’s expert choice leaves another in simple mode', () => {
    const storage = deviceStorage()
    storeEditorMode(7, 'expert', storage)
    expect(storedEditorMode(7, storage)).toBe('expert')
    expect(storedEditorMode(8, storage)).toBe('simple')
    storeEditorMode(7, 'simple', storage)
    expect(storedEditorMode(7, storage)).toBe('simple')
  })

  it('reads anything else stored there as not chosen', () => {
    const storage = deviceStorage()
    storage.setItem('yardstick.editorMode.7', 'wizard')
    expect(storedEditorMode(7, storage)).toBe('simple')
  })
})
