/** One row of a Yjs document's update log (`doc_updates`). */
export interface DocUpdateRow {
  docName: string
  update: Uint8Array
}

/** Runs one statement with the simple query protocol and returns its rows. */
export type SimpleQuery = (text: string) => Promise<Array<Record<string, unknown>>>

// Document names are made by the server (`form:12`, `response:7`); anything else is a bug.
const DOC_NAME = /^[A-Za-z0-9_.:-]{1,200}$/

/**
 * The multi-row INSERT of an update batch as ONE literal statement. The co-editing endpoint
 * waits for this commit before it relays an edit, so the append is on every keystroke's path:
 * as literal text it runs with the simple query protocol in one round trip, with no parse, bind
 * or driver query building (on PGlite 0.07 ms against 0.45 ms through drizzle, BENCHMARKS.md).
 * It stays injection-free: bytes are hex (`'\x…'`, standard_conforming_strings is on in
 * PostgreSQL and PGlite) and names must match `DOC_NAME`.
 */
export function docUpdatesInsertSql(rows: readonly DocUpdateRow[]): string {
  if (rows.length === 0) throw new Error('docUpdatesInsertSql: no rows to insert')
  const values = rows.map((row, i) => `(${literalsOf(row, i)})`)
  return `insert into doc_updates (doc_name, update) values ${values.join(',')} returning id`
}

/** One row as the two SQL literals `'name','\x…'`, checked. */
function literalsOf({ docName, update }: DocUpdateRow, i: number): string {
  if (!DOC_NAME.test(docName)) {
    throw new Error(
      `docUpdatesInsertSql: row ${i}: document name ${JSON.stringify(docName)} is not a server-made name`,
    )
  }
  return `'${docName}','\\x${Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString('hex')}'`
}

/** The one-row append as a prepared statement of the session (`execute` names it). */
const APPEND_ONE = 'doc_updates_append_one'

/** Prepares `APPEND_ONE` in the session (PostgreSQL plans it once, not per keystroke). */
export const DOC_UPDATE_PREPARE_SQL = `prepare ${APPEND_ONE} (text, bytea) as insert into doc_updates (doc_name, update) values ($1, $2) returning id`

/**
 * Executes the prepared one-row append: still one literal statement in the simple protocol,
 * but PostgreSQL skips parsing and planning the insert (on PGlite 0.1 ms of a ≈ 0.7 ms append
 * when its thread was idle before, BENCHMARKS.md). Same checks and hex as `docUpdatesInsertSql`.
 */
export function docUpdateExecuteSql(row: DocUpdateRow): string {
  return `execute ${APPEND_ONE}(${literalsOf(row, 0)})`
}

/**
 * Appends updates to the log in one statement (one commit) and returns their row ids in input
 * order (PostgreSQL returns a multi-row VALUES insert in input order).
 */
export async function appendDocUpdates(
  simpleQuery: SimpleQuery,
  rows: readonly DocUpdateRow[],
): Promise<number[]> {
  const returned = await simpleQuery(docUpdatesInsertSql(rows))
  if (returned.length !== rows.length) {
    throw new Error(`appendDocUpdates: inserted ${rows.length} rows, got ${returned.length} ids`)
  }
  return returned.map((row) => Number(row.id))
}

/** `prepared statement already exists`: another append of this session prepared it first. */
const DUPLICATE_PREPARED = '42P05'
/** `prepared statement does not exist` (e.g. after `DEALLOCATE ALL`): prepare again. */
const UNKNOWN_PREPARED = '26000'

/**
 * `appendDocUpdates` for a database with ONE session (PGlite): a single row (the common case: an
 * edit alone in its group commit) goes through the prepared statement, prepared on first use;
 * a batch through the multi-row insert.
 */
export function preparedDocLog(
  simpleQuery: SimpleQuery,
): (rows: readonly DocUpdateRow[]) => Promise<number[]> {
  let prepared: Promise<void> | null = null
  const prepare = () => {
    prepared ??= simpleQuery(DOC_UPDATE_PREPARE_SQL).then(
      () => {},
      (error: { code?: string }) => {
        if (error.code === DUPLICATE_PREPARED) return
        prepared = null
        throw error
      },
    )
    return prepared
  }
  const executeOne = async (row: DocUpdateRow) => {
    await prepare()
    const [returned] = await simpleQuery(docUpdateExecuteSql(row))
    if (!returned) throw new Error('appendDocUpdates: inserted 1 row, got no id')
    return [Number(returned.id)]
  }
  return async (rows) => {
    const [row] = rows
    if (rows.length !== 1 || !row) return appendDocUpdates(simpleQuery, rows)
    try {
      return await executeOne(row)
    } catch (error) {
      if ((error as { code?: string }).code !== UNKNOWN_PREPARED) throw error
      prepared = null
      return executeOne(row)
    }
  }
}
