/**
 * The world the authorisation matrix and the hostile-request suite run in: the harness's tree
 * (two sub-committees; branches 1 and 2 under the first, 3 under the second) with one object of
 * every kind under branch 2 ("branch B"), a user per role, sessions that are expired and revoked,
 * and every operation of the OpenAPI document with its path filled in.
 */
import { type DatabaseKind, queryRows, schema } from '@yardstick/db'
import { eq, getTableName, isTable, sql } from 'drizzle-orm'
import { createSession, revokeSession } from '../../src/auth/sessions'
import { campaignBody, publishTemplate } from '../../src/campaigns/test-fixture'
import { signInAs } from '../../src/forms/test-helpers'
import { createUser } from '../../src/orgs/org-tree'
import { selfCheckCampaign } from '../../src/self-checks/test-campaign'
import { createFixture, type Fixture, PASSWORD } from '../harness'

/** The callers of every cell, in the order each operation is tried (the most refused first). */
export const CALLERS = [
  'anonymous',
  'expired',
  'revoked',
  'member',
  'secretaryA',
  'otherOfficer',
  'officer',
  'admin',
] as const
export type Caller = (typeof CALLERS)[number]

/** One operation of the OpenAPI document. */
export interface Operation {
  operationId: string
  method: string
  /** The documented path, `/api/forms/{id}`. */
  template: string
  /** Its path parameters, in order. */
  params: string[]
  /** Its query parameters. */
  query: string[]
  /** The first request body media type, if it takes one. */
  bodyType: string | null
}

export interface World {
  f: Fixture
  tokens: Record<Caller, string | null>
  /** Path parameter values naming branch B's objects. */
  ids: Record<string, string>
  operations: Operation[]
  /** `path` with `{name}` replaced by the world's ids. */
  fill: (template: string, values?: Record<string, string>) => string
  /** Every table's row count (what a refused request must leave as it was). */
  rowCounts: () => Promise<Record<string, number>>
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'options']

/** Builds the world on a fresh database of `kind`. */
export async function createWorld(kind: DatabaseKind): Promise<World> {
  const f = await createFixture(kind)
  const { db } = f.database
  const admin = await f.login('admin')
  const tokens: Record<Caller, string | null> = {
    anonymous: null,
    expired: null,
    revoked: null,
    member: await signInAs(f, 'member-no-role', []),
    secretaryA: await f.login('secretary'),
    otherOfficer: await signInAs(f, 'other-officer', [{ role: 'editor', orgId: f.orgs.otherSub }]),
    officer: await f.login('editor'),
    admin,
  }
  const expired = await createSession(db, f.users.reviewer.id, 1)
  await db
    .update(schema.sessions)
    .set({ expiresAt: new Date(Date.now() - 60_000) })
    .where(eq(schema.sessions.userId, f.users.reviewer.id))
  tokens.expired = expired.token
  const revoked = await createSession(db, f.users.admin.id, 1)
  await revokeSession(db, revoked.token)
  tokens.revoked = revoked.token

  // Branch B (branch 2, under the first sub-committee): a form of that sub-committee with two
  // versions and a review thread, a campaign with a self source over both branches, its
  // self-check submitted with a problem (a rectification), and its secretary.
  const formId = (
    await f.call('POST', '/api/forms', {
      token: admin,
      body: { title: '分工委表单', template: 'satisfaction', orgId: f.orgs.sub },
    })
  ).body.id as number
  const publish = async (note: string) => {
    const published = await f.call('POST', `/api/forms/${formId}/publish`, {
      token: admin,
      body: { note },
    })
    if (published.status >= 300) throw new Error(`publish: ${JSON.stringify(published.body)}`)
  }
  await publish('v1')
  await f.call('PUT', `/api/forms/${formId}`, {
    token: admin,
    body: {
      json: {
        title: '分工委表单 v2',
        pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q1' }] }],
      },
    },
  })
  await publish('v2')
  const thread = await f.call('POST', `/api/forms/${formId}/comments`, {
    token: admin,
    body: { elementId: 'el_1', elementName: 'q1', body: '请核对' },
  })
  const block = await f.call('POST', '/api/blocks', {
    token: admin,
    body: { name: '分工委题块', elements: [{ type: 'text', name: 'q1' }], orgId: f.orgs.sub },
  })
  const campaignId = await selfCheckCampaign(f, { units: [f.orgs.branch1, f.orgs.branch2] })
  const members = await publishTemplate(f, 'satisfaction', f.orgs.sub)
  const created = await f.call('POST', '/api/campaigns', {
    token: admin,
    body: campaignBody(f, { members }),
  })
  const linkCampaign = created.body.id as number
  await f.call('POST', `/api/campaigns/${linkCampaign}/open`, { token: admin })
  const links = await f.call(
    'GET',
    `/api/campaigns/${linkCampaign}/links?unitId=${f.orgs.branch2}`,
    {
      token: admin,
    },
  )
  const slug = links.body.items[0].slug as string
  const [selfCheck] = await db
    .insert(schema.selfChecks)
    .values({ campaignId, unitId: f.orgs.branch2, status: 'submitted' })
    .returning({ id: schema.selfChecks.id })
  const [rectification] = await db
    .insert(schema.rectifications)
    .values({
      campaignId,
      unitId: f.orgs.branch2,
      selfCheckId: selfCheck?.id as number,
      question: 'partyDues',
      title: '是否按时足额交纳党费',
      measure: '补交',
      owner: '书记',
      deadline: '2999-12-31',
    })
    .returning({ id: schema.rectifications.id })
  const secretaryB = await createUser(db, {
    email: 'secretary-b@example.org',
    name: 'secretary-b',
    password: PASSWORD,
    grants: [{ role: 'secretary', orgId: f.orgs.branch2 }],
  })
  const [grant] = await db
    .select({ id: schema.roleGrants.id })
    .from(schema.roleGrants)
    .where(eq(schema.roleGrants.userId, secretaryB.id))

  const ids: Record<string, string> = {
    id: '',
    formId: String(formId),
    version: '1',
    a: '1',
    b: '2',
    commentId: String(thread.body?.id ?? 1),
    campaignId: String(campaignId),
    linkCampaign: String(linkCampaign),
    unitId: String(f.orgs.branch2),
    orgId: String(f.orgs.branch2),
    userId: String(secretaryB.id),
    grantId: String(grant?.id ?? 1),
    rectificationId: String(rectification?.id ?? 1),
    slug,
    memberVersion: String(members),
    blockId: String(block.body?.id ?? 1),
  }

  const document = (await f.call('GET', '/api/openapi.json')).body as {
    paths: Record<string, Record<string, any>>
  }
  const operations: Operation[] = Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        operationId: op.operationId as string,
        method: method.toUpperCase(),
        template,
        params: [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string),
        query: ((op.parameters ?? []) as Array<{ in: string; name: string }>)
          .filter((p) => p.in === 'query')
          .map((p) => p.name),
        bodyType: op.requestBody ? (Object.keys(op.requestBody.content)[0] ?? null) : null,
      })),
  )

  const fill = (template: string, values: Record<string, string> = {}) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => {
      return encodePart(values[name] ?? idFor(template, name, ids))
    })

  // Every table's count in one statement: cheap enough to take around every request.
  const names = Object.values(schema)
    .filter((value) => isTable(value))
    .map((table) => getTableName(table as typeof schema.orgs))
  const counting = sql.raw(
    `select ${names.map((name, i) => `(select count(*) from "${name}")::int as c${i}`).join(', ')}`,
  )
  const rowCounts = async () => {
    const [row] = await queryRows<Record<string, number>>(db, counting)
    return Object.fromEntries(names.map((name, i) => [name, Number(row?.[`c${i}`])]))
  }
  return { f, tokens, ids, operations, fill, rowCounts }
}

/** Which of the world's ids a path parameter names, by the path it is in. */
function idFor(template: string, name: string, ids: Record<string, string>): string {
  const value = (key: string) => ids[key] ?? '1'
  if (name === 'slug') return value('slug')
  if (name === 'unitId') return value('unitId')
  if (name === 'commentId') return value('commentId')
  if (name === 'grantId') return value('grantId')
  if (['version', 'a', 'b'].includes(name)) return value(name)
  // `{id}` by the collection it follows.
  if (template.startsWith('/api/forms/')) return value('formId')
  if (template.startsWith('/api/orgs/')) return value('orgId')
  if (template.startsWith('/api/users/')) return value('userId')
  if (template.startsWith('/api/blocks/')) return value('blockId')
  if (template.startsWith('/api/rectifications/')) return value('rectificationId')
  if (template.includes('/self-checks') || template.includes('/rectifications')) {
    return value('campaignId')
  }
  if (template.startsWith('/api/campaigns/')) return value('linkCampaign')
  return '1'
}

/**
 * A valid body for each operation that takes one (for the callers allowed to call it), so a
 * refusal in the matrix is about who calls, not about what was sent.
 */
export function validBody(
  world: World,
  operationId: string,
): { body: unknown; type?: string } | null {
  const { f, ids } = world
  const unique = `${operationId}-${Math.random().toString(36).slice(2, 8)}`
  const csv = (text: string) => ({ body: text, type: 'text/csv' })
  const bodies: Record<string, unknown> = {
    login: { email: 'nobody@example.org', password: 'wrong-password' },
    changePassword: { currentPassword: 'wrong-password', newPassword: 'another-Pass-2026' },
    createOrg: { parentId: f.orgs.sub, kind: 'branch', name: unique, unitType: 'organ' },
    updateOrg: { name: `第二党支部 ${unique.slice(-4)}` },
    moveOrg: { parentId: f.orgs.sub },
    createForm: { title: unique, template: 'satisfaction', orgId: f.orgs.sub },
    saveForm: {
      json: {
        title: '分工委表单',
        pages: [{ name: 'p1', elements: [{ type: 'text', name: 'q1' }] }],
      },
    },
    duplicateForm: { title: unique },
    importFormText: { text: `${unique}\n\n1. 姓名[填空题]` },
    saveBlock: { name: unique, elements: [{ type: 'text', name: 'q1' }], orgId: f.orgs.sub },
    publishForm: { note: unique },
    openReviewThread: { elementId: 'el_2', elementName: 'q1', body: unique },
    replyToReviewThread: { body: unique },
    createCampaign: campaignBody(f, { members: Number(ids.memberVersion) }),
    updateCampaign: { name: unique },
    issueCampaignTokens: { unitId: f.orgs.branch2, source: 'members', count: 1 },
    submitResponse: { answers: {} },
    startAttempt: {},
    saveSelfCheck: { answers: {} },
    approveSelfCheck: { approvedOn: '2025-03-18' },
    updateRectification: { progress: unique },
    reviewRectification: { decision: 'return', note: unique },
    createUser: { email: `${unique}@example.org`, name: unique, grants: [] },
    updateUser: { name: unique },
    grantRole: { role: 'assessor', orgId: f.orgs.branch2 },
    startNextPeriod: {},
    createTransformationPlan: { owner: unique, measure: unique, deadline: '2026-06-30' },
    raiseDeductionRectification: { responseId: 1, question: 'deduction' },
  }
  if (operationId === 'importOrgs') return csv('名称,上级,类型\n')
  if (operationId === 'importUsers') return csv('email,name\n')
  if (operationId in bodies) return { body: bodies[operationId] }
  return null
}

/** `encodeURIComponent`, with a lone surrogate (which it refuses) sent as the bytes of one. */
function encodePart(value: string): string {
  return value
    .split(/(\p{Cs})/u)
    .map((part) =>
      /^\p{Cs}$/u.test(part)
        ? `%ED%${(0x80 | ((part.charCodeAt(0) >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (part.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()}`
        : encodeURIComponent(part),
    )
    .join('')
}
