import { type Db, schema } from '@yardstick/db'
import { fromSurveyJson } from '@yardstick/doc'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'

/**
 * What the forms API needs from the co-edited documents: once a form has a document, the
 * document is the form's truth (its JSON column is a copy), so reads, publishing and restoring
 * go through here.
 */
export interface FormDocuments {
  /** The form's JSON as its live or stored document has it; null when it has no document yet. */
  currentJson(formId: number): Promise<FormJson | null>
  /**
   * Turns the form's document into `json` as ONE new edit that every editor sees (restoring a
   * version, saving from the API) — history is never rewritten.
   */
  applyJson(formId: number, json: FormJson): Promise<void>
  /**
   * Checks the form's live connections again now, not at the next revalidation ([COL9]):
   * archiving makes the form read-only, so its writers are closed at once.
   */
  accessChanged(formId: number): Promise<void>
}

/**
 * The first state of a form's document, built on the server from the form's stored JSON (a
 * template at creation): seeded once, never by two clients (docs/COLLABORATION.md item 13).
 */
export function seedFromStoredForm(db: Db): (formId: number) => Promise<Uint8Array | null> {
  return async (formId) => {
    const [form] = await db
      .select({ json: schema.forms.json })
      .from(schema.forms)
      .where(eq(schema.forms.id, formId))
    if (!form) return null
    return Y.encodeStateAsUpdate(fromSurveyJson(form.json))
  }
}
