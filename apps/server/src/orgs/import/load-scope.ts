import { type Db, schema } from '@yardstick/db'
import { and, eq, isNotNull, like, notLike, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../audit/record'
import { AppError } from '../../http/errors'
import { committeeOf } from '../tree-rules'
import { ORG_COLUMNS } from '../visible-orgs'
import type { ImportScope, ScopeUnit } from './resolve'

/**
 * Reads what an import of a file under `rootId` works on: the root's subtree (in id order) and
 * the codes its committee holds elsewhere. With `lock`, the root's row is locked `FOR UPDATE`
 * for the transaction, so two imports under one root apply one after the other.
 *
 * @example
 * const scope = await loadImportScope(db, 4)
 */
export async function loadImportScope(
  db: DbOrTx,
  rootId: number,
  { lock = false }: { lock?: boolean } = {},
): Promise<ImportScope> {
  const query = (db as Db).select(ORG_COLUMNS).from(schema.orgs).where(eq(schema.orgs.id, rootId))
  const [root] = (lock ? await query.for('update') : await query) as ScopeUnit[]
  if (!root) throw new AppError('notFound', `No organisation ${rootId}`)
  const units = (await (db as Db)
    .select(ORG_COLUMNS)
    .from(schema.orgs)
    .where(like(schema.orgs.path, `${root.path}%`))
    .orderBy(schema.orgs.id)) as ScopeUnit[]
  const outside = await (db as Db)
    .select({ code: schema.orgs.code, name: schema.orgs.name })
    .from(schema.orgs)
    .where(
      and(
        sql`split_part(${schema.orgs.path}, '/', 2) = ${String(committeeOf(root.path))}`,
        isNotNull(schema.orgs.code),
        notLike(schema.orgs.path, `${root.path}%`),
      ),
    )
  return {
    root,
    units,
    outsideCodes: new Map(outside.map((row) => [row.code as string, row.name])),
  }
}
