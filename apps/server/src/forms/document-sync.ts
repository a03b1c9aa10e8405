import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import type { FormDocuments } from '../collab/form-documents'
import type { FormRow } from './access'
import { contentHash } from './content-hash'
import { savedJson } from './initial-json'

/**
 * Brings a form's JSON column up to date with its co-edited document (the document is the
 * truth once it exists) and returns the row as it now is. Without documents, the row as is.
 */
export async function withDocumentJson(
  db: Db,
  documents: FormDocuments | undefined,
  form: FormRow,
): Promise<FormRow> {
  const live = await documents?.currentJson(form.id)
  if (!live || contentHash(live) === contentHash(form.json)) return form
  const saved = savedJson(live, undefined, form.title)
  const [row] = await db
    .update(schema.forms)
    .set({ ...saved, updatedAt: new Date() })
    .where(eq(schema.forms.id, form.id))
    .returning()
  return row ? { ...row, orgPath: form.orgPath } : form
}

/** Makes the form's document show `json` (one new edit everyone sees), when documents run here. */
export async function applyToDocument(
  documents: FormDocuments | undefined,
  formId: number,
  json: FormJson,
): Promise<void> {
  await documents?.applyJson(formId, json)
}
