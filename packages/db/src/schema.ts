import type { FormJson } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import type {
  Cadence,
  CampaignStatus,
  OrgKind,
  RectificationOrigin,
  RectificationStatus,
  Role,
  SelfCheckStatus,
  SourceKey,
  SourceMeasure,
  SourceRespondent,
  UnitType,
} from './enums'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
})

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

/** The organisation tree: committee → sub-committees → branches (党支部, the assessed units). */
export const orgs = pgTable(
  'orgs',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => orgs.id),
    kind: text('kind').$type<OrgKind>().notNull(),
    name: text('name').notNull(),
    unitType: text('unit_type').$type<UnitType>(),
    /** Materialised path of ids, `/1/4/17/`: a subtree is one prefix match. */
    path: text('path').notNull(),
    /** The office's own code (e.g. from its 党员管理系统); unique under one committee. */
    code: text('code'),
    /** Retired (撤销): keeps its history, leaves future campaigns, takes no children. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('orgs_path_idx').on(t.path.op('text_pattern_ops')),
    index('orgs_parent_idx').on(t.parentId),
    // The committee is the path's first id: a code is unique within one committee's tree.
    uniqueIndex('orgs_code_unique')
      .on(sql`split_part(${t.path}, '/', 2)`, t.code)
      .where(sql`${t.code} is not null`),
  ],
)

/**
 * One row counting the statements that changed or removed organisations (kept by a trigger on
 * `orgs`, migration 0011), in the changing transaction: a process that keeps anything read
 * from the tree (respondent links' units, `LinkContextCache`) compares it once a second and
 * reads again when another process edited the tree.
 */
export const orgTreeVersion = pgTable('org_tree_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
})

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Set by a password reset: the next sign-in must choose a new password first. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  /** Deactivated users cannot sign in; their sessions end and their sockets close at once. */
  deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
  createdAt: createdAt(),
})

/** A role on an organisation; it reaches the organisation's whole subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
  },
  (t) => [uniqueIndex('role_grants_unique').on(t.userId, t.orgId, t.role)],
)

/** Sign-in sessions; the token itself is never stored, only its SHA-256. */
export const sessions = pgTable('sessions', {
  id: serial('id').primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
})

/** A form being designed: SurveyJS JSON owned by an office (its org). */
export const forms = pgTable('forms', {
  id: serial('id').primaryKey(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  kind: text('kind').notNull().default('generic'),
  /** The JSON as last saved; a co-edited form's document is newer (see `withCurrentJson`). */
  json: jsonb('json').$type<FormJson>().notNull(),
  createdBy: integer('created_by').references(() => users.id),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** An immutable published snapshot of a form. */
export const formVersions = pgTable(
  'form_versions',
  {
    id: serial('id').primaryKey(),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id),
    version: integer('version').notNull(),
    json: jsonb('json').$type<FormJson>().notNull(),
    /** SHA-256 of the canonical JSON. */
    hash: text('hash').notNull(),
    authorId: integer('author_id').references(() => users.id),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('form_versions_unique').on(t.formId, t.version)],
)

/**
 * A reviewer's or editor's comment on a form element: a thread root (`parentId` null) anchored to
 * the element's stable id in the form's Yjs document (so it follows moves), or a reply to one.
 * Only roots are resolved; `updatedAt` moves on every change to the thread, for cheap polling.
 */
export const formComments = pgTable(
  'form_comments',
  {
    id: serial('id').primaryKey(),
    formId: integer('form_id')
      .notNull()
      .references(() => forms.id),
    parentId: integer('parent_id').references((): AnyPgColumn => formComments.id),
    /** The element's id in the Yjs document (roots only). */
    elementId: text('element_id'),
    /** The element's name when the thread was opened: shown if the element is later deleted. */
    elementName: text('element_name'),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('form_comments_form_idx').on(t.formId, t.id),
    index('form_comments_parent_idx').on(t.parentId),
  ],
)

/**
 * An office's reusable block (常用题块): one or more form elements — a question, a panel, or a
 * 是否 item with its 问题清单 follow-up — saved by an editor and inserted into any of the
 * office's forms. Validated with the SDK when saved; names are made unique when inserted.
 */
export const blocks = pgTable(
  'blocks',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    /** The elements' SurveyJS JSON, in form order (the first is the question or panel saved). */
    elements: jsonb('elements').$type<Array<Record<string, unknown>>>().notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('blocks_org_idx').on(t.orgId, t.id)],
)

/** 测评活动: a round of assessment over units, with sources, weights and grade bands. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    /** The office running it: who may manage it and see all its results. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    cadence: text('cadence').$type<Cadence>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    /** `[{ min, grade, stars? }]`, high to low (the SDK's `GradeBand`). */
    bands: jsonb('bands').notNull(),
    /** `{ grade, maxShare }` or null. */
    quota: jsonb('quota'),
    /** Portal origins allowed to embed this campaign's surveys. */
    allowedOrigins: jsonb('allowed_origins').$type<string[]>().notNull().default([]),
    /** Whether a respondent is shown their score after submitting (off: scores are the office's). */
    showScore: boolean('show_score').notNull().default(false),
    /**
     * A quiz's time limit in minutes, counted per respondent from the first time their link is
     * opened (`link_attempts`); null: no limit.
     */
    timeLimitMinutes: integer('time_limit_minutes'),
    /**
     * The period this campaign follows (月度 → 月度, 季度 → 季度, …): campaigns linked this way form
     * a series, along which each unit's grade and stars are compared (晋级 / 降级). A campaign has
     * at most one follower, so a series is a chain.
     */
    previousCampaignId: integer('previous_campaign_id').references(
      (): AnyPgColumn => campaigns.id,
      {
        onDelete: 'set null',
      },
    ),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaigns_previous_unique').on(t.previousCampaignId)],
)

/**
 * One evaluation source of a campaign. `formVersionId` is the instrument every unit answers,
 * unless `campaign_source_forms` gives the unit's type its own.
 */
export const campaignSources = pgTable(
  'campaign_sources',
  {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    key: text('key').$type<SourceKey>().notNull(),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id),
    weight: doublePrecision('weight').notNull(),
    required: boolean('required').notNull().default(false),
    minResponses: integer('min_responses'),
    measure: text('measure').$type<SourceMeasure>(),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Who answers it (`SOURCE_RESPONDENTS`): what the key alone decided before sources were open. */
    answeredBy: text('answered_by').$type<SourceRespondent>().notNull(),
    /** The source's own name per locale (`{ 'zh-CN', en }`); null: the default's, else the key. */
    label: jsonb('label').$type<Partial<Record<'zh-CN' | 'en', string>>>(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.key] })],
)

/**
 * The named people of a `panel` source (述职评议): each, signed in, rates every unit of the campaign
 * once. They need no role on the units: being named here is what lets them answer.
 */
export const campaignSourcePanel = pgTable(
  'campaign_source_panel',
  {
    campaignId: integer('campaign_id').notNull(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.sourceKey, t.userId] }),
    index('campaign_source_panel_user_idx').on(t.userId),
    foreignKey({
      name: 'campaign_source_panel_source_fk',
      columns: [t.campaignId, t.sourceKey],
      foreignColumns: [campaignSources.campaignId, campaignSources.key],
    }).onDelete('cascade'),
  ],
)

/**
 * A source's instrument for one branch type (分类制定: 机关, 企业, 学校, …): units of that type
 * answer this form version instead of the source's default. Results compare percentages, so
 * units on different instruments are graded and ranked together.
 */
export const campaignSourceForms = pgTable(
  'campaign_source_forms',
  {
    campaignId: integer('campaign_id').notNull(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    unitType: text('unit_type').$type<UnitType>().notNull(),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.sourceKey, t.unitType] }),
    foreignKey({
      name: 'campaign_source_forms_source_fk',
      columns: [t.campaignId, t.sourceKey],
      foreignColumns: [campaignSources.campaignId, campaignSources.key],
    }).onDelete('cascade'),
  ],
)

/** The units (branches) a campaign assesses. */
export const campaignUnits = pgTable(
  'campaign_units',
  {
    ...campaignUnitColumns(),
    /**
     * The unit's place in the tree when the campaign closed (path, name, type): results of a
     * closed campaign keep the tree as it was, whatever moves or renames come after.
     */
    pathAtClose: text('path_at_close'),
    nameAtClose: text('name_at_close'),
    unitTypeAtClose: text('unit_type_at_close').$type<UnitType>(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.unitId] }),
    index('campaign_units_unit_idx').on(t.unitId),
  ],
)

/**
 * The campaign (deleted with it) and the assessed unit a row belongs to: the pair most tables
 * of a campaign's data start with. A function, so each table gets its own column builders.
 */
function campaignUnitColumns() {
  return {
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgs.id),
  }
}

/** The respondent link of one (campaign, unit, source). */
export const links = pgTable(
  'links',
  {
    slug: text('slug').primaryKey(),
    ...campaignUnitColumns(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
  },
  (t) => [uniqueIndex('links_unique').on(t.campaignId, t.unitId, t.sourceKey)],
)

/** One-time tokens for anonymous one-per-member surveys; only the hash is kept. */
export const respondentTokens = pgTable(
  'respondent_tokens',
  {
    id: serial('id').primaryKey(),
    ...campaignUnitColumns(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /**
     * The random seed of this token's quiz draw (a form with question banks), made at its first
     * view, never derived from the token and never sent out; cleared when the token is used, so
     * nothing left in the database ties a token to the questions its response answered.
     */
    drawSeed: text('draw_seed'),
    createdAt: createdAt(),
  },
  (t) => [index('respondent_tokens_unit_idx').on(t.campaignId, t.unitId, t.sourceKey)],
)

/**
 * When a respondent first opened a timed link (a quiz with `timeLimitMinutes`): the start of
 * their countdown. `respondentKey` is the token's hash or `user:<id>`; it is never stored with
 * the response, so an anonymous answer stays unlinked.
 */
export const linkAttempts = pgTable(
  'link_attempts',
  {
    slug: text('slug')
      .notNull()
      .references(() => links.slug, { onDelete: 'cascade' }),
    respondentKey: text('respondent_key').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slug, t.respondentKey] })],
)

/**
 * A submitted response: immutable, scored at submission. The score's parts that results
 * aggregate are columns, so results are SQL over numbers, not over JSON. An anonymous response
 * keeps no reference to its token or respondent.
 *
 * Partitioned by campaign (`PARTITION BY LIST (campaign_id)`, migration 0010, which drizzle cannot
 * express): a trigger on `campaigns` makes each campaign's partition `responses_campaign_<id>`,
 * so a query that names its campaign reads that partition alone, and a campaign is archived by
 * detaching it. Hence every key starts with `campaign_id`, and so do references to a response.
 */
export const responses = pgTable(
  'responses',
  {
    /** Unique on its own (one sequence), but the key is (campaign, id): see above. */
    id: bigserial('id', { mode: 'number' }).notNull(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgs.id),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id),
    answers: jsonb('answers').notNull(),
    /** The whole `ScoreResult`. */
    score: jsonb('score').notNull(),
    percent: doublePrecision('percent').notNull(),
    satisfied: integer('satisfied').notNull().default(0),
    answered: integer('answered').notNull().default(0),
    veto: boolean('veto').notNull().default(false),
    /**
     * `<slug>:<Idempotency-Key>`: a retried submission stores nothing new. Unique per campaign
     * (the partition key must be in it), which is unique: the slug is one campaign's link.
     */
    idempotencyKey: text('idempotency_key'),
    /**
     * SHA-256 of the request the key was first used with (the answers as sent and, on a link
     * that is not anonymous, the respondent): a replay must match it (IETF Idempotency-Key).
     * Never the token, which would let whoever issued tokens test each against the response.
     */
    requestHash: text('request_hash'),
    /** The random seed of the respondent's quiz draw, where the form has banks; else null. */
    drawSeed: text('draw_seed'),
    respondentId: integer('respondent_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.id] }),
    unique('responses_campaign_id_idempotency_key_unique').on(t.campaignId, t.idempotencyKey),
    index('responses_unit_source_idx').on(t.campaignId, t.unitId, t.sourceKey),
  ],
)

/**
 * The reference to a response from a row of the same campaign: (campaign_id, response_id), the
 * key of the partitioned `responses`.
 */
function responseOfCampaign(
  name: string,
  columns: { campaignId: AnyPgColumn; responseId: AnyPgColumn },
) {
  return foreignKey({
    name,
    columns: [columns.campaignId, columns.responseId],
    foreignColumns: [responses.campaignId, responses.id],
  })
}

/*
 * Running aggregates of `responses`, kept by the database itself: statement-level triggers on
 * `responses` (migration 0009) add each inserted statement's rows, grouped, to these tables in
 * the same transaction, and subtract deleted ones — so every insert path (the group-commit
 * batch, self-checks, seeds) keeps them, and each touched unit is updated once per statement.
 * Sums are exact `numeric`s — of integers in millionths (`toMicros` in the SDK, `ys_micros` in
 * SQL) for percents and dimension scores — so the order in which concurrent transactions add them never changes a figure, and the recomputation
 * from responses (`verifyAggregates`) must match to the last digit. No foreign keys: a row's
 * campaign and unit are those of the responses it counts, and checking them per statement would
 * cost every submission a lookup.
 */

/** Per (campaign, unit, source, form version): the responses' count and exact sums. */
export const unitSourceTotals = pgTable(
  'unit_source_totals',
  {
    campaignId: integer('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    formVersionId: integer('form_version_id').notNull(),
    n: integer('n').notNull(),
    /** Σ of the responses' percent, each in millionths of a point. */
    percentMicros: numeric('percent_micros', { mode: 'number' }).notNull(),
    satisfied: bigint('satisfied', { mode: 'number' }).notNull(),
    answered: bigint('answered', { mode: 'number' }).notNull(),
    /** Responses that triggered a veto (一票否决). */
    vetoes: integer('vetoes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.sourceKey, t.formVersionId] })],
)

/** Per (campaign, unit, source, form version, dimension): Σ score and Σ maxScore in millionths. */
export const unitDimensionTotals = pgTable(
  'unit_dimension_totals',
  {
    campaignId: integer('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    formVersionId: integer('form_version_id').notNull(),
    dimension: text('dimension').notNull(),
    /** Responses that have this dimension. */
    n: integer('n').notNull(),
    scoreMicros: numeric('score_micros', { mode: 'number' }).notNull(),
    maxScoreMicros: numeric('max_score_micros', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.campaignId, t.unitId, t.sourceKey, t.formVersionId, t.dimension],
    }),
  ],
)

/**
 * Per (campaign, unit, source, form version, question, answer): how many non-empty answers. A
 * categorical question (`formVersionQuestions.categorical`) is counted per whole answer; any
 * other under the answer `null`, so free text is counted, never kept. Numeric answers add their
 * value, for means.
 */
export const unitAnswerTotals = pgTable(
  'unit_answer_totals',
  {
    campaignId: integer('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    sourceKey: text('source_key').$type<SourceKey>().notNull(),
    formVersionId: integer('form_version_id').notNull(),
    question: text('question').notNull(),
    value: jsonb('value').notNull(),
    n: integer('n').notNull(),
    /** Σ of the numeric answers, exact (JSON numbers are decimals). */
    numberSum: numeric('number_sum', { mode: 'number' }).notNull(),
    numberCount: integer('number_count').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.campaignId, t.unitId, t.sourceKey, t.formVersionId, t.question, t.value],
    }),
  ],
)

/**
 * The questions of a form version that are counted (the SDK's compiled plan, less display-only
 * elements) and whether each is grouped by answer: written with the version, read by the
 * trigger that keeps `unit_answer_totals`.
 */
export const formVersionQuestions = pgTable(
  'form_version_questions',
  {
    formVersionId: integer('form_version_id')
      .notNull()
      .references(() => formVersions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    categorical: boolean('categorical').notNull(),
  },
  (t) => [primaryKey({ columns: [t.formVersionId, t.name] })],
)

/** A branch's self-check in a campaign, through 草稿 → 审议通过 → 通报 → 上报. */
export const selfChecks = pgTable(
  'self_checks',
  {
    id: serial('id').primaryKey(),
    ...campaignUnitColumns(),
    status: text('status').$type<SelfCheckStatus>().notNull().default('draft'),
    answers: jsonb('answers').notNull().default({}),
    /** 支委会审议通过 date. */
    approvedOn: date('approved_on'),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    responseId: bigint('response_id', { mode: 'number' }),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('self_checks_unique').on(t.campaignId, t.unitId),
    responseOfCampaign('self_checks_response_fk', t),
  ],
)

/**
 * 整改: one problem tracked until fixed. It comes from a submitted self-check (`selfCheck`), an
 * assessor's deduction with its reason (`deduction`, from `responseId`), or is the 转化 plan of a
 * unit graded lowest (`transformation`: `owner` is the responsible leader, `measure` the measures).
 */
export const rectifications = pgTable(
  'rectifications',
  {
    id: serial('id').primaryKey(),
    ...campaignUnitColumns(),
    origin: text('origin').$type<RectificationOrigin>().notNull().default('selfCheck'),
    selfCheckId: integer('self_check_id').references(() => selfChecks.id, {
      onDelete: 'cascade',
    }),
    responseId: bigint('response_id', { mode: 'number' }),
    question: text('question').notNull(),
    title: text('title').notNull(),
    note: text('note'),
    measure: text('measure'),
    owner: text('owner'),
    deadline: date('deadline'),
    status: text('status').$type<RectificationStatus>().notNull().default('open'),
    /** What the branch has done so far (进展). */
    progress: text('progress'),
    /** What shows it is done (佐证材料): a description or a link. */
    evidence: text('evidence'),
    /** The superior's reason when sending it back (退回理由), or its note when accepting. */
    reviewNote: text('review_note'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectifications_unit_idx').on(t.campaignId, t.unitId),
    responseOfCampaign('rectifications_response_fk', t),
  ],
)

/** Yjs update log per document (co-editing), appended before an update is relayed. */
export const docUpdates = pgTable(
  'doc_updates',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    docName: text('doc_name').notNull(),
    update: bytea('update').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('doc_updates_doc_idx').on(t.docName, t.id)],
)

/** A compacted Yjs document: every update up to `throughUpdateId` folded in. */
export const docSnapshots = pgTable('doc_snapshots', {
  docName: text('doc_name').primaryKey(),
  state: bytea('state').notNull(),
  throughUpdateId: bigint('through_update_id', { mode: 'number' }).notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * 操作日志: every change to the organisation, people, roles, publications, campaigns and
 * rectifications — who, when, what, before and after. Append-only: a trigger refuses UPDATE and
 * DELETE. Never holds a token or links an anonymous response to anyone.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Who did it; null for the system (seed, migrations). */
    actorId: integer('actor_id').references(() => users.id),
    /** What was done, `entity.verb` (e.g. `org.move`, `user.deactivate`, `form.publish`). */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The organisation whose subtree the change belongs to: admins read their subtree's log. */
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_org_idx').on(t.orgPath.op('text_pattern_ops')),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
  ],
)
