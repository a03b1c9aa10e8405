import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, getTableName, is, sql, Table } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { DataDirLockedError, lockDataDir } from './data-dir-lock'
import * as schema from './schema'
import { docSnapshots, orgs } from './schema'
import { createTestDatabase, testStores } from './test-database'

describe.each(await testStores())('the schema on %s', (kind) => {
  it('migrates a fresh database and round-trips rows, JSON and bytes', async () => {
    const database = await createTestDatabase(kind)
    try {
      const { db } = database
      const [root] = await db
        .insert(orgs)
        .values({ kind: 'committee', name: '机关工委', path: '/' })
        .returning()
      expect(root?.id).toBeTypeOf('number')
      const bytes = new Uint8Array([0, 1, 2, 250, 255])
      await db.insert(docSnapshots).values({ docName: 'form:1', state: bytes })
      const [snapshot] = await db
        .select()
        .from(docSnapshots)
        .where(eq(docSnapshots.docName, 'form:1'))
      expect(snapshot?.state).toEqual(bytes)
      // The migrations create exactly the tables the schema declares.
      const tables = await db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
      )
      const rows = (
        Array.isArray(tables) ? tables : (tables as { rows: unknown[] }).rows
      ) as Array<{ name: string }>
      const declared = Object.values(schema).filter((value) => is(value, Table))
      expect(rows.map((r) => r.name).sort()).toEqual(
        declared.map((table) => getTableName(table as Table)).sort(),
      )
    } finally {
      await database.close()
    }
  })
})

describe('lockDataDir', () => {
  it('refuses a second holder of the same data folder and names the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-lock-'))
    writeFileSync(join(dir, 'yardstick.lock'), String(process.ppid))
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.ppid}`)
  })

  it('is released for the next process when its holder lets go', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-lock-'))
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'yardstick.lock'), 'utf8')).toBe(String(process.pid))
    release()
    const again = lockDataDir(dir)
    again()
  })

  it('takes over a lock whose holder was killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ys-lock-'))
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'])
    const pid = child.pid as number
    writeFileSync(join(dir, 'yardstick.lock'), String(pid))
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const release = lockDataDir(dir)
    expect(readFileSync(join(dir, 'yardstick.lock'), 'utf8')).toBe(String(process.pid))
    release()
  })
})
