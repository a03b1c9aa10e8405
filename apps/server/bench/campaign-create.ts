import { lockCampaignsForInsert, schema } from '@yardstick/db'
import { createTestDatabase } from '@yardstick/db/testing'
import { kill9, startServerProcess } from '@yardstick/testing'
import { and, eq, sql } from 'drizzle-orm'
import { buildNationalTree, membersForm, officeCall, signInOffice } from './national-data'
import { summary } from './national-load'
import { answerBodies, membersCampaignBody } from './submissions-setup'

/** `CREATE_UNITS`: branches of the campaign created under load (default 100,000). */
const UNITS = Number(process.env.CREATE_UNITS ?? 100_000)
/** Submitting connections, each one request after another. */
const SUBMITTERS = 10
/** Seconds of submissions with nothing else going on: the baseline. */
const IDLE_SECONDS = 5

interface Timed {
  startedAt: number
  ms: number
}

/**
 * Submissions to one open campaign while an office creates another over `CREATE_UNITS` branches
 * (PostgreSQL; the server in its own process): how long the creation takes and what it does to
 * the submissions' latency. The creation makes its `responses` partition first, in its own short
 * transaction (`withNewCampaignId`); the comparison, in the same run, is a transaction whose
 * campaign insert makes the partition (the trigger, as every creation did before) and then
 * writes the same number of units and links in SQL, with the same submissions going on.
 * Baseline: the same submissions with nothing else running.
 *
 * @example
 * CREATE_UNITS=20000 pnpm --filter @yardstick/server bench campaign-create
 */
export async function runCampaignCreateBench(): Promise<void> {
  const database = await createTestDatabase('postgres')
  const { db } = database
  let server: Awaited<ReturnType<typeof startServerProcess>> | undefined
  try {
    const tree = await buildNationalTree(db, UNITS)
    server = await startServerProcess({ DATABASE_URL: database.url ?? '', SEED_DEMO: 'false' })
    const { url } = server
    const token = await signInOffice(url)
    const form = await officeCall<{ id: number }>(url, token, '/api/forms', {
      title: '群众满意率测评',
      json: membersForm(),
    })
    const version = await officeCall<{ id: number }>(url, token, `/api/forms/${form.id}/publish`, {
      note: 'bench',
    })
    const branches = await db
      .select({ id: schema.orgs.id })
      .from(schema.orgs)
      .where(eq(schema.orgs.kind, 'branch'))
      .orderBy(schema.orgs.id)
      .limit(SUBMITTERS)
    const answered = await officeCall<{ id: number }>(url, token, '/api/campaigns', {
      ...membersCampaignBody('提交中的测评', tree.committeeId, version.id),
      units: { ids: branches.map((b) => b.id) },
    })
    await officeCall(url, token, `/api/campaigns/${answered.id}/open`, {})
    const links = await db
      .select({ slug: schema.links.slug })
      .from(schema.links)
      .where(eq(schema.links.campaignId, answered.id))
    const bodies = answerBodies(1_000)

    let going = true
    let sent = 0
    const times: Timed[] = []
    const failures: string[] = []
    const submitter = async (index: number) => {
      const slug = links[index % links.length]?.slug
      while (going) {
        const n = sent++
        const startedAt = performance.now()
        const response = await fetch(`${url}/api/links/${slug}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `create-${n}` },
          body: bodies[n % bodies.length],
        })
        await response.arrayBuffer()
        times.push({ startedAt, ms: performance.now() - startedAt })
        if (response.status !== 201) failures.push(String(response.status))
      }
    }
    const submitting = Array.from({ length: SUBMITTERS }, (_, i) => submitter(i))
    const during = (from: number, to: number) =>
      times.filter((t) => t.startedAt + t.ms >= from && t.startedAt <= to).map((t) => t.ms)

    const idleFrom = performance.now()
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000))
    const idleTo = performance.now()

    const createFrom = performance.now()
    await officeCall(
      url,
      token,
      '/api/campaigns',
      membersCampaignBody('全部支部的测评', tree.committeeId, version.id),
    )
    const createTo = performance.now()

    await new Promise((resolve) => setTimeout(resolve, 1000))
    const triggerFrom = performance.now()
    await db.transaction(async (tx) => {
      await lockCampaignsForInsert(tx)
      const [made] = await tx
        .insert(schema.campaigns)
        .values({
          orgId: tree.committeeId,
          name: '触发器建分区的对照',
          cadence: 'yearly',
          opensAt: new Date(),
          closesAt: new Date(Date.now() + 86_400_000),
          bands: [],
        })
        .returning({ id: schema.campaigns.id })
      const id = made?.id ?? 0
      await tx.execute(sql`insert into campaign_units (campaign_id, unit_id)
        select ${id}, id from orgs where kind = 'branch'`)
      await tx.execute(sql`insert into links (slug, campaign_id, unit_id, source_key)
        select md5(random()::text), ${id}, id, 'members' from orgs where kind = 'branch'`)
    })
    const triggerTo = performance.now()
    await new Promise((resolve) => setTimeout(resolve, 500))
    going = false
    await Promise.all(submitting)

    const [stored] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.responses)
      .where(and(eq(schema.responses.campaignId, answered.id)))
    const secondsOf = (from: number, to: number) => ((to - from) / 1000).toFixed(1)
    console.log(
      `campaign create: ${tree.units.toLocaleString('en-US')} units, PostgreSQL, ${SUBMITTERS} submitting connections`,
    )
    console.log('submissions p50 / p99 / max (count):')
    console.log(
      `  baseline, nothing else running (${IDLE_SECONDS} s): ${summary(during(idleFrom, idleTo))}`,
    )
    console.log(
      `  during POST /api/campaigns (${secondsOf(createFrom, createTo)} s): ${summary(during(createFrom, createTo))}`,
    )
    console.log(
      `  during the comparison, partition made in the writing transaction (${secondsOf(triggerFrom, triggerTo)} s): ${summary(during(triggerFrom, triggerTo))}`,
    )
    console.log(
      `  answered ${times.length}, not 201: ${failures.length}${failures.length ? ` (${[...new Set(failures)].join(', ')})` : ''}; stored ${stored?.n ?? 0}`,
    )
  } finally {
    if (server) await kill9(server.child)
    await database.close()
  }
}
