import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { docUpdateExecuteSql, docUpdatesInsertSql } from './doc-log'
import { docUpdates } from './schema'
import { createTestDatabase, testStores } from './test-database'

describe.each(await testStores())('appendDocUpdates on %s', (kind) => {
  it('stores every byte of a batch in one statement and returns the ids in input order', async () => {
    const database = await createTestDatabase(kind)
    try {
      // Quote, backslash, NUL and high bytes: what literal SQL would get wrong if not hex.
      const rows = [
        { docName: 'form:1', update: new Uint8Array([0x27, 0x5c, 0x00, 0xff]) },
        { docName: 'response:2', update: new Uint8Array([1, 2, 3]) },
        { docName: 'form:1', update: new Uint8Array(Buffer.from("'); drop table orgs; --")) },
      ]
      const ids = await database.appendDocUpdates(rows)
      expect(ids).toHaveLength(3)
      expect([...ids].sort((a, b) => a - b)).toEqual(ids)
      const stored = await database.db
        .select({ id: docUpdates.id, docName: docUpdates.docName, update: docUpdates.update })
        .from(docUpdates)
        .orderBy(asc(docUpdates.id))
      expect(stored).toEqual(rows.map((row, i) => ({ id: ids[i], ...row })))
    } finally {
      await database.close()
    }
  })

  it('refuses a name the server would never make and stores nothing', async () => {
    const database = await createTestDatabase(kind)
    try {
      await expect(
        database.appendDocUpdates([
          { docName: 'form:1', update: new Uint8Array([1]) },
          { docName: "form:1'", update: new Uint8Array([2]) },
        ]),
      ).rejects.toThrow(/row 1: document name "form:1'" is not a server-made name/)
      expect(
        await database.db.select().from(docUpdates).where(eq(docUpdates.docName, 'form:1')),
      ).toEqual([])
    } finally {
      await database.close()
    }
  })
})

describe.each(await testStores())('one-row appends on %s', (kind) => {
  it('store each row, several at once, and again after the session forgot its statements', async () => {
    const database = await createTestDatabase(kind)
    try {
      const rows = [0x27, 0x5c, 0x00, 0xff].map((byte, i) => ({
        docName: `form:${i % 2}`,
        update: new Uint8Array([byte, i]),
      }))
      // The first appends race to prepare the statement on PGlite: one prepares, all run.
      const first = await Promise.all(
        rows.slice(0, 2).map((row) => database.appendDocUpdates([row])),
      )
      await database.db.execute(sql`deallocate all`)
      const second = await Promise.all(rows.slice(2).map((row) => database.appendDocUpdates([row])))
      const ids = [...first, ...second].map(([id]) => id)
      const stored = await database.db
        .select({ id: docUpdates.id, docName: docUpdates.docName, update: docUpdates.update })
        .from(docUpdates)
        .orderBy(asc(docUpdates.id))
      // Appends made at once may take their ids in either order (PostgreSQL's pool).
      const expected = rows.map((row, i) => ({ id: ids[i] as number, ...row }))
      expect(stored).toEqual(expected.sort((a, b) => a.id - b.id))
    } finally {
      await database.close()
    }
  })
})

describe('docUpdateExecuteSql', () => {
  it('checks the name and hex-encodes the bytes like the multi-row insert', () => {
    expect(docUpdateExecuteSql({ docName: 'form:1', update: new Uint8Array([0x27, 0]) })).toBe(
      "execute doc_updates_append_one('form:1','\\x2700')",
    )
    expect(() => docUpdateExecuteSql({ docName: "x'", update: new Uint8Array() })).toThrow(
      /not a server-made name/,
    )
  })
})

describe('docUpdatesInsertSql', () => {
  it('refuses an empty batch', () => {
    expect(() => docUpdatesInsertSql([])).toThrow(/no rows/)
  })
})
