import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { desc, eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthUser } from '../auth/sessions'
import { AppError } from '../http/errors'
import { recordFormQuestions } from '../results/form-questions'
import { assertNotArchived } from './access'
import { contentHash } from './content-hash'
import type { CurrentForm } from './document-sync'
import { assertFormWithinLimits } from './form-limits'
import { savedJson } from './initial-json'
import { validateFormOffThread } from './validation-pool'

/** What `publishForm` needs beyond the database. */
export interface PublishOptions {
  /** The form with its current JSON (`withCurrentJson`): what the editors see is published. */
  form: CurrentForm
  user: AuthUser
  note: string
  /** Save this JSON as the current one and publish it, in the same transaction. */
  json?: Record<string, unknown> | undefined
  /** Time limit of the form's check in a worker (`FORM_VALIDATION_TIMEOUT_MS`); 20 s by default. */
  validationTimeoutMs?: number | undefined
}

/**
 * Freezes a form's current JSON as its next immutable version: SHA-256 of the canonical JSON,
 * author, time and note. Refused with 422 `formTooDeep` / `formTooLarge` over `FORM_LIMITS`
 * (checked first, on this thread, in linear time), 422 `invalidForm` (details: `validateForm`'s
 * errors and warnings, run in a worker thread with a time limit: 503 `validationUnavailable`
 * past it) when the form is not valid, and with 409 `conflict` when the content equals the
 * latest version. The form row is locked (`select … for update`) while the next number is
 * taken, so concurrent publishes of one form queue up and get versions n, n+1, … without gaps;
 * the unique index on (form_id, version) stays the last guard. The `form.publish` audit entry
 * (version, hash, note) is written in the same transaction.
 *
 * @example
 * const { version } = await publishForm(db, { form, user, note: '首次发布' })
 */
export async function publishForm(
  db: Db,
  { form, user, note, json, validationTimeoutMs }: PublishOptions,
) {
  const check = (content: FormJson) => assertPublishable(content, validationTimeoutMs)
  // Validation is CPU work (a SurveyJS model and its linter): done before the lock is taken.
  const given = json === undefined ? undefined : savedJson(json, undefined, form.title)
  let content = given?.json ?? form.json
  let hash = await check(content)
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(schema.forms)
      .where(eq(schema.forms.id, form.id))
      .for('update')
    if (!locked) throw new AppError('notFound', `No form ${form.id}`)
    assertNotArchived({ ...locked, orgPath: form.orgPath }, 'publish it')
    if (given) {
      await tx
        .update(schema.forms)
        .set({ ...given, updatedAt: new Date() })
        .where(eq(schema.forms.id, form.id))
    } else if (contentHash(locked.json) !== hash) {
      // Written since we read it (an API save, or `withCurrentJson` bringing the column up to
      // date with the co-edited document): publish what is saved now, read under the lock.
      content = locked.json
      hash = await check(content)
    }
    const [latest] = await tx
      .select({ version: schema.formVersions.version, hash: schema.formVersions.hash })
      .from(schema.formVersions)
      .where(eq(schema.formVersions.formId, form.id))
      .orderBy(desc(schema.formVersions.version))
      .limit(1)
    if (latest?.hash === hash) {
      throw new AppError(
        'conflict',
        `Nothing changed since version ${latest.version}: there is nothing to publish`,
        { version: latest.version, hash },
      )
    }
    const [created] = await tx
      .insert(schema.formVersions)
      .values({
        formId: form.id,
        version: (latest?.version ?? 0) + 1,
        json: content,
        hash,
        authorId: user.id,
        note,
      })
      .returning()
    if (!created) throw new Error('publishForm: nothing inserted')
    // With the version, or its answers would not be counted as they arrive.
    await recordFormQuestions(tx, created.id, content)
    // Inside the lock: the entry commits with the version, or neither does. Version and hash
    // name the content; the JSON itself stays in form_versions.
    await recordAudit(tx, {
      actorId: user.id,
      action: 'form.publish',
      entity: 'form',
      entityId: form.id,
      orgPath: form.orgPath,
      before: latest ? { version: latest.version, hash: latest.hash } : null,
      after: { version: created.version, hash: created.hash, note, title: locked.title },
    })
    return created
  })
}

/** The content hash of a valid form; 422 `formToo…` / `invalidForm` with the problems otherwise. */
async function assertPublishable(content: FormJson, timeoutMs: number | undefined) {
  // The caps first, here: a form over them never reaches SurveyJS, not even in a worker.
  assertFormWithinLimits(content)
  const validation = await validateFormOffThread(content, { timeoutMs })
  if (!validation.valid) {
    throw new AppError(
      'invalidForm',
      `The form has ${validation.errors.length} problem(s) and cannot be published`,
      { errors: validation.errors, warnings: validation.warnings },
    )
  }
  return contentHash(content)
}
