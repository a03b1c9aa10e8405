import type { ImportReport, OrgImportReport } from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import type { AuthUser } from '../../auth/sessions'
import { AppError } from '../../http/errors'
import { readTable, tableFormat } from '../../imports/read-table'
import { linkContexts } from '../../submissions/link-context'
import { isUniqueViolation } from '../org-edits'
import { applyOrgImport } from './apply'
import { ORG_IMPORT_COLUMNS } from './columns'
import { importRoot } from './import-root'
import { loadImportScope } from './load-scope'
import { parseOrgRows } from './parse-rows'
import { type OrgImportPlan, planOrgImport } from './plan'

/** Options of `importOrgs`. */
export interface ImportOrgsOptions {
  /** Only report (the default), or apply when no row is refused. */
  dryRun?: boolean
  /** The unit the file goes under; default the user's one admin root. */
  rootId?: number
  /** The upload's content type, to tell CSV from XLSX (else the bytes do). */
  contentType?: string
}

/**
 * Imports a branch file (CSV or XLSX) under a unit the user is admin of: reads it
 * (`readTable`), plans every row against the subtree (`planOrgImport`) and, when asked and no
 * row is refused, applies the plan in one transaction (`applyOrgImport`), re-planned inside it
 * with the root locked so what is written is what was checked. Re-importing the same file
 * writes nothing.
 *
 * @example
 * const report = await importOrgs(db, user, bytes, { dryRun: false, contentType: 'text/csv' })
 */
export async function importOrgs(
  db: Db,
  user: AuthUser,
  bytes: Uint8Array,
  { dryRun = true, rootId, contentType }: ImportOrgsOptions = {},
): Promise<OrgImportReport> {
  const root = await importRoot(db, user, rootId)
  const { rows } = await readTable(bytes, tableFormat(contentType, bytes), ORG_IMPORT_COLUMNS)
  const parsed = parseOrgRows(rows)
  if (dryRun) {
    const plan = planOrgImport(await loadImportScope(db, root.id), parsed)
    return { ...report(plan, { dryRun, applied: false }), rootId: root.id }
  }
  try {
    const imported = await db.transaction(async (tx) => {
      const scope = await loadImportScope(tx, root.id, { lock: true })
      const plan = planOrgImport(scope, parsed)
      if (plan.refused) return { ...report(plan, { dryRun, applied: false }), rootId: root.id }
      await applyOrgImport(tx, scope, plan, user.id)
      return { ...report(plan, { dryRun, applied: true }), rootId: root.id }
    })
    // Renames, retypes and moves under the root reach the link contexts at once.
    if (imported.applied) linkContexts(db).invalidateUnit(root.id)
    return imported
  } catch (error) {
    if (!isUniqueViolation(error, 'orgs_code_unique')) throw error
    // Another change took a code between the plan and the write: nothing was written.
    throw new AppError(
      'conflict',
      'A code of the file was taken by another change meanwhile: run the import again',
      { rule: 'duplicateCode' },
    )
  }
}

function report(
  plan: OrgImportPlan,
  { dryRun, applied }: { dryRun: boolean; applied: boolean },
): ImportReport {
  const counts = { create: 0, update: 0, unchanged: 0, refuse: 0 }
  for (const row of plan.rows) counts[row.action]++
  return { dryRun, applied, counts, rows: plan.rows }
}
