import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, orgs } from './schema'
import { createTestDatabase, testStores } from './test-database'

// drizzle wraps the database's error: its message is the query, the cause says why.
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    return cause instanceof Error ? cause.message : String(error)
  }
  return 'not refused'
}

describe.each(await testStores())('the organisation tables on %s', (kind) => {
  it('keeps the audit log append-only: an update or a delete is refused and changes nothing', async () => {
    const database = await createTestDatabase(kind)
    try {
      const { db } = database
      await db.insert(auditLog).values({ action: 'org.create', entity: 'org', entityId: '1' })
      expect(await refusal(db.update(auditLog).set({ action: 'org.forged' }))).toMatch(
        /append-only/,
      )
      expect(await refusal(db.delete(auditLog))).toMatch(/append-only/)
      const rows = await db.select().from(auditLog)
      expect(rows.map((r) => r.action)).toEqual(['org.create'])
    } finally {
      await database.close()
    }
  })

  it('refuses a code twice under one committee and allows it under another', async () => {
    const database = await createTestDatabase(kind)
    try {
      const { db } = database
      const committee = async (name: string) => {
        const [row] = await db
          .insert(orgs)
          .values({ kind: 'committee', name, path: '/' })
          .returning()
        if (!row) throw new Error('no row')
        const path = `/${row.id}/`
        await db.update(orgs).set({ path }).where(eq(orgs.id, row.id))
        return path
      }
      const a = await committee('甲工委')
      const b = await committee('乙工委')
      const branch = (path: string, code: string | null) =>
        db
          .insert(orgs)
          .values({ kind: 'branch', name: '支部', path: `${path}${code ?? 'x'}/`, code })
      await branch(a, 'D001')
      await branch(b, 'D001')
      await branch(a, null)
      await branch(a, null)
      await expect(branch(a, 'D001')).rejects.toThrow()
      const [{ n } = { n: 0 }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(orgs)
        .where(eq(orgs.code, 'D001'))
      expect(n).toBe(2)
    } finally {
      await database.close()
    }
  })
})
