import { type Db, schema } from '@yardstick/db'
import { type FormJson, templates } from '@yardstick/sdk'
import { asc, count, eq, sql } from 'drizzle-orm'
import { createUser, insertOrg } from '../src/orgs/org-tree'
import { insertBranches } from './results-data'
import { membersCampaignBody } from './submissions-setup'

/** The office that runs the national campaign and reloads its dashboard. */
export const OFFICE = { email: 'national-office@example.org', password: 'bench-password-1' }

/** Branches per sub-committee: 100,000 units are 100 sub-committees of 1,000. */
const PER_SUBCOMMITTEE = 1_000

/** The 四强 (four strengths) of the self-check, as the dimensions of the members' form. */
const STRENGTHS = ['politicalFunction', 'branchCommittee', 'memberTeam', 'roleFulfilment'] as const

/**
 * The satisfaction template with each rated aspect under one of the four strengths, so member
 * responses carry dimension scores and the dimension results have something to read.
 *
 * @example
 * const form = membersForm()
 */
export function membersForm(): FormJson {
  const form = structuredClone(templates.satisfaction) as FormJson
  const self = templates.selfCheck as FormJson
  form.dimensions = STRENGTHS.map((name) => ({
    name,
    title: self.dimensions?.find((d) => d.name === name)?.title ?? name,
  }))
  let rated = 0
  for (const page of form.pages ?? []) {
    for (const element of page.elements ?? []) {
      if (element.type === 'radiogroup') element.dimension = STRENGTHS[rated++ % STRENGTHS.length]
    }
  }
  return form
}

/** The tree the national run builds: its committee and how many branches it holds. */
export interface NationalTree {
  committeeId: number
  units: number
}

/**
 * Builds `units` branches (rounded to whole sub-committees of 1,000, at least one) under one
 * committee in SQL (`insertBranches`, the results benchmark's builder), and the office's
 * administrator, who signs in over HTTP.
 *
 * @example
 * const tree = await buildNationalTree(db, 100_000)
 */
export async function buildNationalTree(db: Db, units: number): Promise<NationalTree> {
  const committee = await insertOrg(db, { kind: 'committee', name: '全国机关工委（1/50）' })
  const subcommittees = Math.max(1, Math.round(units / PER_SUBCOMMITTEE))
  for (let i = 1; i <= subcommittees; i++) {
    await insertOrg(db, { parentId: committee.id, kind: 'subcommittee', name: `第${i}分工委` })
  }
  await insertBranches(db, Math.max(1, Math.round(units / subcommittees)))
  await createUser(db, {
    email: OFFICE.email,
    name: '全国测评办公室',
    password: OFFICE.password,
    grants: [{ role: 'admin', orgId: committee.id }],
  })
  await db.execute(sql`analyze`)
  const [branches] = await db
    .select({ n: count() })
    .from(schema.orgs)
    .where(eq(schema.orgs.kind, 'branch'))
  return { committeeId: committee.id, units: branches?.n ?? 0 }
}

/** One authenticated JSON call; throws with the status and body on anything but 2xx. */
export async function officeCall<T>(url: string, token: string, path: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(600_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 500)}`)
  return (text ? JSON.parse(text) : null) as T
}

/** Signs the office in over HTTP; returns its bearer token. */
export async function signInOffice(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OFFICE),
  })
  if (response.status !== 200) throw new Error(`login: ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** The open campaign over the whole tree and its members links, one per unit. */
export interface NationalCampaign {
  campaignId: number
  slugs: string[]
  /** Seconds the API took to create the campaign (its units and links included). */
  createSeconds: number
}

/**
 * As the office would, over the API: publishes the members' form (`membersForm`), creates a
 * campaign over the committee's subtree with one NON-anonymous `members` source (no token
 * needed, as the submissions benchmark) — the campaigns service makes its units and one link per
 * unit — and opens it. The links' slugs are read from the database, in unit order.
 *
 * @example
 * const { campaignId, slugs } = await openNationalCampaign(db, url, token, tree)
 */
export async function openNationalCampaign(
  db: Db,
  url: string,
  token: string,
  tree: NationalTree,
): Promise<NationalCampaign> {
  const form = await officeCall<{ id: number }>(url, token, '/api/forms', {
    title: '群众满意率测评（四强）',
    json: membersForm(),
  })
  const version = await officeCall<{ id: number }>(url, token, `/api/forms/${form.id}/publish`, {
    note: 'national',
  })
  const started = performance.now()
  const campaign = await officeCall<{ id: number }>(
    url,
    token,
    '/api/campaigns',
    membersCampaignBody('全国党支部满意率测评（1/50）', tree.committeeId, version.id),
  )
  const createSeconds = (performance.now() - started) / 1000
  await officeCall(url, token, `/api/campaigns/${campaign.id}/open`, {})
  const rows = await db
    .select({ slug: schema.links.slug })
    .from(schema.links)
    .where(eq(schema.links.campaignId, campaign.id))
    .orderBy(asc(schema.links.unitId))
  if (rows.length !== tree.units) throw new Error(`${rows.length} links for ${tree.units} units`)
  return { campaignId: campaign.id, slugs: rows.map((row) => row.slug), createSeconds }
}
