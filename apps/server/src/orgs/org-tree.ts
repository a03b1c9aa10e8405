import { type Db, type OrgKind, queryRows, schema, type UnitType } from '@yardstick/db'
import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../audit/record'

/** What `insertOrg` needs: a parent (none for the top committee), a kind and a name. */
export interface NewOrg {
  parentId?: number | null
  kind: OrgKind
  name: string
  unitType?: UnitType | null
  /** The office's own code, unique under one committee (`orgs_code_unique`). */
  code?: string | null
}

/**
 * Adds an organisation under its parent, with its materialised path (`/1/4/17/`), so a subtree
 * is always one prefix match. The id is drawn from the sequence first, so the row is inserted
 * whole, path included. No rule is checked and no audit entry written: the seed, the test
 * harness and benches call it directly; changes made by people go through `createOrg`
 * (`orgs/org-edits.ts`), which checks `tree-rules.ts` and calls this inside its transaction.
 *
 * @example
 * const branch = await insertOrg(db, { parentId: 4, kind: 'branch', name: '第一党支部', unitType: 'organ' })
 */
export async function insertOrg(db: DbOrTx, org: NewOrg) {
  const parentPath = org.parentId
    ? (
        await db
          .select({ path: schema.orgs.path })
          .from(schema.orgs)
          .where(eq(schema.orgs.id, org.parentId))
      )[0]?.path
    : '/'
  if (parentPath === undefined) throw new Error(`insertOrg: no parent organisation ${org.parentId}`)
  // A transaction runs the same SQL as its database (`queryRows` is typed for the latter).
  const [next] = await queryRows<{ id: string }>(
    db as Db,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::text as id`,
  )
  const id = Number(next?.id)
  const [row] = await db
    .insert(schema.orgs)
    .values({
      id,
      parentId: org.parentId ?? null,
      kind: org.kind,
      name: org.name,
      unitType: org.unitType ?? null,
      code: org.code ?? null,
      path: `${parentPath}${id}/`,
    })
    .returning()
  if (!row) throw new Error('insertOrg: nothing inserted')
  return row
}

// Users are made by one service (apps/server/src/users/create-user.ts); the seed, the harness and
// the benches import it from here, where it has always been.
export { createUser, type NewUser } from '../users/create-user'
