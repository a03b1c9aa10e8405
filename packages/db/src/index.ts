/** @yardstick/db — the one schema (PostgreSQL dialect) on embedded PGlite or PostgreSQL. */
import * as schema from './schema'

export {
  lockCampaignsForInsert,
  type Transaction,
  withNewCampaignId,
} from './campaign-partitions'
export type { Database, DatabaseKind, Db, OpenDatabaseOptions } from './client'
export { openDatabase } from './client'
export { DataDirLockedError, lockDataDir, lockHolder } from './data-dir-lock'
export type { DocUpdateRow } from './doc-log'
export { docUpdatesInsertSql } from './doc-log'
export type {
  Cadence,
  CampaignStatus,
  OrgKind,
  RectificationOrigin,
  RectificationStatus,
  Role,
  SelfCheckStatus,
  SourceKey,
  SourceRespondent,
  UnitType,
} from './enums'
export {
  CADENCES,
  CAMPAIGN_STATUSES,
  ORG_KINDS,
  RECTIFICATION_ORIGINS,
  RECTIFICATION_STATUSES,
  ROLES,
  SELF_CHECK_STATUSES,
  SOURCE_KEYS,
  SOURCE_RESPONDENTS,
  UNIT_TYPES,
} from './enums'
export { MIGRATIONS_FOLDER, migrate } from './migrate'
export { RestoreRefusedError, restorePgliteArchive } from './pglite-archive'
export { queryRows } from './query-rows'
export { schema }
