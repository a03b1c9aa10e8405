import { useEffect, useState } from 'react'
import type { FormDetail } from '../api/types'
import { useSignedIn } from '../auth/SessionProvider'
import { colorFor } from '../collab/colors'
import { type FormSession, openFormSession } from '../collab/form-session'

/**
 * Opens the form's shared document for as long as the component is mounted. Offline edits are
 * kept per server, form and form creation time, so a fresh server's form 1 never meets an old one.
 */
export function useFormSession(form: FormDetail): FormSession | null {
  const { user } = useSignedIn()
  const [session, setSession] = useState<FormSession | null>(null)
  useEffect(() => {
    const opened = openFormSession({
      formId: form.id,
      user: { id: String(user.id), name: user.name, color: colorFor(user.id) },
      storageName: `yardstick:${location.host}:form:${form.id}:${form.createdAt}`,
    })
    setSession(opened)
    return () => {
      opened.destroy()
      setSession(null)
    }
  }, [form.id, form.createdAt, user.id, user.name])
  return session
}
