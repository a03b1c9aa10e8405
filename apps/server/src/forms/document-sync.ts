import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import type { FormDocuments } from '../collab/form-documents'
import { AppError } from '../http/errors'
import type { FormRow } from './access'
import { contentHash } from './content-hash'
import { savedJson } from './initial-json'

/** Where a form's current JSON lives: the database, and the co-edited documents when they run. */
export interface FormSources {
  db: Db
  documents?: FormDocuments | undefined
}

/** A form row with its current JSON: what the editors see now. */
export type CurrentForm = FormRow & { json: FormJson }

/**
 * The one way to read a form's current JSON (SPEC [COL20]): the co-edited document's when the
 * form has one (loaded here, else from the document store), else the JSON column. A document
 * newer than the column is written to it first (title and kind follow, `updatedAt` moves), so
 * lists and the "unpublished" filter, which read the column in SQL, agree with what is shown.
 * `formFor` leaves the column out of its rows: a reader cannot take the stale copy by mistake.
 *
 * @example
 * const { json } = await withCurrentJson({ db, documents }, await formFor(db, user, id, 'read'))
 */
export async function withCurrentJson(
  { db, documents }: FormSources,
  form: FormRow,
): Promise<CurrentForm> {
  const [stored] = await db
    .select({ json: schema.forms.json })
    .from(schema.forms)
    .where(eq(schema.forms.id, form.id))
  if (!stored) throw new AppError('notFound', `No form ${form.id}`)
  const live = await documents?.currentJson(form.id)
  if (!live || contentHash(live) === contentHash(stored.json)) return { ...form, json: stored.json }
  const saved = savedJson(live, undefined, form.title)
  const [row] = await db
    .update(schema.forms)
    .set({ ...saved, updatedAt: new Date() })
    .where(eq(schema.forms.id, form.id))
    .returning()
  return row ? { ...row, orgPath: form.orgPath } : { ...form, json: saved.json }
}

/** Makes the form's document show `json` (one new edit everyone sees), when documents run here. */
export async function applyToDocument(
  documents: FormDocuments | undefined,
  formId: number,
  json: FormJson,
): Promise<void> {
  await documents?.applyJson(formId, json)
}
