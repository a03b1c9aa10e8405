import type { Database } from '@yardstick/db'
import type { SignInLimits } from './auth/sign-in-limits'
import type { FormDocuments } from './collab/form-documents'
import type { ResponseDocuments } from './collab/response-docs'
import type { UserConnections } from './collab/user-connections'
import type { Config } from './config'
import type { ListedAccount } from './http/home'
import type { ReadDatabase } from './replica/read-database'

/** What every route module is built from: the database and the configuration. */
export interface AppDeps {
  database: Database
  config: Config
  /**
   * Where dashboards, reports and exports read: the replica of `DATABASE_REPLICA_URL` (falling
   * back to the primary while it is down); default: `database` (`readDatabaseOf`).
   */
  readDatabase?: ReadDatabase
  /** The co-edited form documents, when the co-editing endpoint runs in this process. */
  documents?: FormDocuments
  /** The co-filled self-checks, when the co-editing endpoint runs in this process. */
  responses?: ResponseDocuments
  /** Live co-editing sockets by user (closed when a user is deactivated or reset). */
  sockets?: UserConnections
  /**
   * Sign-in attempt limits; default: counted in memory, per app. `startServer` passes limits in
   * Redis when `REDIS_URL` is set, shared by every process.
   */
  signInLimits?: SignInLimits
  /** Demo accounts to list on the home page (no passwords). */
  demoAccounts?: readonly ListedAccount[]
}
