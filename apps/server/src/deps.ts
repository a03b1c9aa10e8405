import type { Database } from '@yardstick/db'
import type { Config } from './config'

/** What every route module is built from: the database and the configuration. */
export interface AppDeps {
  database: Database
  config: Config
}
