import { setProperty } from '@yardstick/doc'
import { useCallback } from 'react'
import { useEditor } from '../EditorContext'

/** Sets (or, with `undefined`, removes) one property as this editor. */
export function useSetProperty() {
  const { session } = useEditor()
  return useCallback(
    (target: string, key: string, value: unknown) =>
      setProperty(session.doc, { target, key, value }, session.origin),
    [session],
  )
}
