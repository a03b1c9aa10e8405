import { existsSync, readdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pgliteTypeOptions } from './pglite-types.js'

/** Why an archive was not restored. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError'
}

/**
 * Unpacks a PGlite archive (from `Database.dumpDataDir`) into an empty or absent data folder and
 * checks that PostgreSQL starts on it (crash recovery included). Never writes over data: a
 * folder that holds files is refused, so the caller moves it aside first.
 *
 * @example
 * await restorePgliteArchive(readFileSync('yardstick.tar.gz'), './.data/pglite')
 */
export async function restorePgliteArchive(archive: Uint8Array, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new RestoreRefusedError(`${dataDir} is not empty: move it aside before restoring into it`)
  }
  const pg = new PGlite({
    dataDir,
    loadDataDir: new Blob([archive as Uint8Array<ArrayBuffer>]),
    ...pgliteTypeOptions,
  })
  try {
    await pg.waitReady
    await pg.query('select 1')
  } finally {
    await pg.close()
  }
}
