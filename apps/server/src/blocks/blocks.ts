import type { Block, NewBlockBody } from '@yardstick/contract'
import { type Db, type Role, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { and, desc, eq, like, or, type SQL } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { assertReaches, reachablePaths } from '../auth/access'
import type { AuthUser } from '../auth/sessions'
import { assertFormWithinLimits } from '../forms/form-limits'
import { ownerOrg } from '../forms/owner-org'
import { validateFormOffThread } from '../forms/validation-pool'
import { AppError } from '../http/errors'

/**
 * Who sees, saves and deletes an office's blocks: its editors (and admins), reaching the office
 * as they reach its forms. A block is a design tool: reviewers, who only read forms, have none.
 */
export const BLOCK_USERS = ['editor'] as const satisfies readonly Role[]

const { blocks, orgs, users } = schema

/** The page a block's elements are checked on: a block is valid when this one-page form is. */
export function blockForm(elements: ReadonlyArray<Record<string, unknown>>): FormJson {
  return { pages: [{ name: 'block', elements: [...elements] }] } as FormJson
}

/**
 * The blocks of the offices a user reaches (or of one of them), newest first; a user with no
 * editor or admin role anywhere is refused (403), an office out of reach too.
 */
export async function listBlocks(db: Db, user: AuthUser, orgId?: number): Promise<Block[]> {
  const paths = reachablePaths(user, BLOCK_USERS)
  if (paths.length === 0) {
    throw new AppError('forbidden', 'Only editors and admins use blocks', { roles: BLOCK_USERS })
  }
  const conditions: SQL[] = [or(...paths.map((path) => like(orgs.path, `${path}%`))) as SQL]
  if (orgId !== undefined) {
    const [org] = await db.select({ path: orgs.path }).from(orgs).where(eq(orgs.id, orgId))
    if (!org) throw new AppError('badRequest', `No organisation ${orgId}`, { orgId })
    assertReaches(user, org.path, BLOCK_USERS, `organisation ${orgId}`)
    conditions.push(eq(blocks.orgId, orgId))
  }
  const rows = await db
    .select({ block: blocks, authorName: users.name })
    .from(blocks)
    .innerJoin(orgs, eq(orgs.id, blocks.orgId))
    .leftJoin(users, eq(users.id, blocks.createdBy))
    .where(and(...conditions))
    .orderBy(desc(blocks.id))
    .limit(500)
  return rows.map(({ block, authorName }) => blockView(block, authorName))
}

/**
 * Saves a block for an office: its elements must make a valid form on their own (the SDK's
 * `validateForm`, off the request thread, after `FORM_LIMITS`): 422 `invalidForm` with
 * `details.errors` otherwise, and nothing is stored.
 */
export async function saveBlock(db: Db, user: AuthUser, body: NewBlockBody): Promise<Block> {
  const owner = await ownerOrg(db, user, body.orgId)
  const form = blockForm(body.elements)
  assertFormWithinLimits(form)
  const validation = await validateFormOffThread(form)
  if (!validation.valid) {
    throw new AppError(
      'invalidForm',
      `The block has ${validation.errors.length} problem(s) and was not saved`,
      { errors: validation.errors, warnings: validation.warnings },
    )
  }
  const name = body.name.trim()
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(blocks)
      .values({ orgId: owner.id, name, elements: body.elements, createdBy: user.id })
      .returning()
    if (!row) throw new Error('save block: nothing inserted')
    await recordAudit(tx, {
      actorId: user.id,
      action: 'block.create',
      entity: 'block',
      entityId: row.id,
      orgPath: owner.path,
      after: { name, elements: body.elements.length },
    })
    return blockView(row, user.name)
  })
}

/** Deletes a block: 404 when unknown, 403 when its office is out of the user's reach. */
export async function deleteBlock(db: Db, user: AuthUser, id: number): Promise<void> {
  const [found] = await db
    .select({ block: blocks, orgPath: orgs.path })
    .from(blocks)
    .innerJoin(orgs, eq(orgs.id, blocks.orgId))
    .where(eq(blocks.id, id))
  if (!found) throw new AppError('notFound', `No block ${id}`)
  assertReaches(user, found.orgPath, BLOCK_USERS, `block ${id}`)
  await db.transaction(async (tx) => {
    await tx.delete(blocks).where(eq(blocks.id, id))
    await recordAudit(tx, {
      actorId: user.id,
      action: 'block.delete',
      entity: 'block',
      entityId: id,
      orgPath: found.orgPath,
      before: { name: found.block.name },
    })
  })
}

function blockView(row: typeof blocks.$inferSelect, authorName: string | null): Block {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    elements: row.elements,
    createdBy:
      row.createdBy !== null && authorName !== null
        ? { id: row.createdBy, name: authorName }
        : null,
    createdAt: row.createdAt.toISOString(),
  }
}
