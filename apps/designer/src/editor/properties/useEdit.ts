import { setProperty } from '@yardstick/doc'
import { useCallback } from 'react'
import { useEditor } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'

/** Sets (or, with `undefined`, removes) one property as this editor. */
export function useSetProperty() {
  const { session } = useEditor()
  const limited = useLimitedEdit()
  return useCallback(
    (target: string, key: string, value: unknown) =>
      limited(() => setProperty(session.doc, { target, key, value }, session.origin)) ?? false,
    [session, limited],
  )
}
