import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { types } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PGliteWorker } from './pglite-worker'

describe('PGlite in a worker thread', () => {
  let pg: PGliteWorker

  beforeAll(async () => {
    pg = await PGliteWorker.open()
    await pg.exec(
      'create table t (id serial primary key, name text unique, doc jsonb, at timestamptz)',
    )
  })
  afterAll(() => pg.close())

  it('answers queries with parameters, JSON and rows in either mode', async () => {
    const inserted = await pg.query<{ id: number }>(
      'insert into t (name, doc) values ($1, $2) returning id',
      ['一', JSON.stringify({ a: [1, '二'] })],
    )
    expect(inserted.rows).toEqual([{ id: 1 }])
    const rows = await pg.query('select name, doc from t where id = $1', [1], { rowMode: 'array' })
    expect(rows.rows).toEqual([['一', { a: [1, '二'] }]])
  })

  it('keeps the types drizzle asks to keep as text, and refuses parsers that transform', async () => {
    await pg.query(`insert into t (name, at) values ('dated', '2025-01-02T03:04:05Z')`)
    const keep = { [types.TIMESTAMPTZ]: (value: string) => value }
    const kept = await pg.query<{ at: unknown }>(`select at from t where name = 'dated'`, [], {
      parsers: keep,
    })
    expect(kept.rows[0]?.at).toBeTypeOf('string')
    const parsed = await pg.query<{ at: unknown }>(`select at from t where name = 'dated'`)
    expect(parsed.rows[0]?.at).toBeInstanceOf(Date)
    const transform = { [types.TIMESTAMPTZ]: (value: string) => new Date(value) }
    await expect(pg.query('select 1', [], { parsers: transform })).rejects.toThrow(/pass-through/)
  })

  it('commits a transaction whose callback resolves and rolls back one that throws', async () => {
    await pg.transaction(async (tx) => {
      await tx.query(`insert into t (name) values ('kept')`)
    })
    await expect(
      pg.transaction(async (tx) => {
        await tx.query(`insert into t (name) values ('dropped')`)
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    const names = await pg.query<{ name: string }>(
      `select name from t where name in ('kept', 'dropped')`,
    )
    expect(names.rows).toEqual([{ name: 'kept' }])
  })

  it('runs a plain query only after an open transaction ends, as PGlite does', async () => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    const transaction = pg.transaction(async (tx) => {
      await tx.query(`insert into t (name) values ('inside')`)
      await held
    })
    // Started while the transaction is open: it must see the committed row, not wait forever.
    const outside = pg.query<{ n: number }>(
      `select count(*)::int as n from t where name = 'inside'`,
    )
    await new Promise((resolve) => setTimeout(resolve, 20))
    release()
    await transaction
    expect((await outside).rows).toEqual([{ n: 1 }])
  })

  it('passes database errors through with their code and constraint', async () => {
    const error = await pg.query(`insert into t (name) values ('一')`).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ code: '23505', constraint: 't_name_key' })
  })
})

describe('PGlite in a worker thread on a data folder', () => {
  it('keeps what was committed across a close and a reopen', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'ys-worker-')), 'pglite')
    const first = await PGliteWorker.open(dataDir)
    await first.exec('create table kept (n int)')
    await first.transaction(async (tx) => {
      await tx.query('insert into kept values (1), (2)')
    })
    await first.close()
    await expect(first.query('select 1')).rejects.toThrow(/closed/)
    const second = await PGliteWorker.open(dataDir)
    try {
      expect((await second.query('select sum(n)::int as s from kept')).rows).toEqual([{ s: 3 }])
    } finally {
      await second.close()
    }
  })
})
