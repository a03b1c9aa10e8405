import { useCallback, useState } from 'react'

/** The editor's two modes: simple (edit on the form itself) and expert (every property). */
export const EDITOR_MODES = ['simple', 'expert'] as const
export type EditorMode = (typeof EDITOR_MODES)[number]

const key = (userId: number) => `yardstick.editorMode.${userId}`

/**
 * The mode a user chose on this device; `simple` for an editor who has not chosen (issue 19:
 * the people who design forms are office staff, not developers).
 *
 * @example
 * storedEditorMode(7, localStorage) // 'simple' until user 7 switches to expert
 */
export function storedEditorMode(
  userId: number,
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): EditorMode {
  const stored = storage?.getItem(key(userId))
  return EDITOR_MODES.find((mode) => mode === stored) ?? 'simple'
}

/** Remembers a user's mode on this device. */
export function storeEditorMode(
  userId: number,
  mode: EditorMode,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  storage?.setItem(key(userId), mode)
}

/** The user's editor mode and how to change it (remembered per user on this device). */
export function useEditorMode(userId: number): [EditorMode, (mode: EditorMode) => void] {
  const [mode, setMode] = useState(() => storedEditorMode(userId))
  const choose = useCallback(
    (next: EditorMode) => {
      storeEditorMode(userId, next)
      setMode(next)
    },
    [userId],
  )
  return [mode, choose]
}
