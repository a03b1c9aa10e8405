import { type Db, schema } from '@yardstick/db'
import type { Answers } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import type { DocKind } from './doc-kinds'
import { admitToSelfCheck } from './response-admission'
import { seedResponseState } from './response-doc'
import { bindWriteBack, type WriteBackOptions } from './response-write-back'

/** What the self-check workflow tells the co-filled documents of this process. */
export interface ResponseDocuments {
  /**
   * The self-check left its draft (approved): its live document, if loaded here, freezes now
   * (COL25) instead of at the next revalidation; other processes freeze at theirs.
   */
  selfCheckLeftDraft(selfCheckId: number): Promise<void>
}

/**
 * Co-filled responses: `ws(s)://host/collab/response/:selfCheckId` opens the document
 * `response:<selfCheckId>` that a branch committee fills together with survey-core's
 * `CollaborationPlugin` (the SDK's `createCoFill`). Admitted by `admitToSelfCheck`, seeded once
 * from the stored draft, written back to `self_checks.answers` by `bindWriteBack` (SPEC.md,
 * COL22–COL26).
 *
 * @example
 * const kinds = [responseDocKind(db, { delayMs: 200 }), formKind]
 */
export function responseDocKind(db: Db, options: WriteBackOptions = {}): DocKind {
  return {
    prefix: 'response',
    path: /^\/collab\/response\/(\d+)\/?$/,
    admit: (token, id) => admitToSelfCheck(db, token, id),
    seed: async (id) => {
      const [row] = await db
        .select({ answers: schema.selfChecks.answers, status: schema.selfChecks.status })
        .from(schema.selfChecks)
        .where(eq(schema.selfChecks.id, id))
      return row ? seedResponseState((row.answers ?? {}) as Answers, row.status) : null
    },
    bind: (shared, id) => bindWriteBack(db, shared, id, options),
  }
}
