import { openDatabase, schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import type { Answers } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { createApp } from '../app'
import { campaignBody, openCampaign, publishTemplate } from '../campaigns/test-fixture'
import { loadConfig } from '../config'

type Request = (path: string, init: RequestInit) => Response | Promise<Response>
type Outcome = { status: number; body: { error?: { code: string } } }

/** A 述职评议 rating of every item of the debriefing template. */
const rated = (choice: string): Answers => ({
  responsibility: choice,
  organization: choice,
  integrity: choice,
  service: choice,
  overall: choice,
})

const stores = await testStores()

describe.each(stores)('a panel member rates each unit once, at once on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; debriefing: number }
  let token: string
  let campaigns = 0

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      debriefing: await publishTemplate(f, 'debriefing'),
    }
    token = await f.login('outsider')
  })
  afterAll(() => f.close())

  /** An open campaign whose 述职评议 panel is the outsider; its branch-1 panel link. */
  const panelLink = async () => {
    const campaign = await openCampaign(
      f,
      campaignBody(f, versions, {
        name: `述职评议并发${++campaigns}`,
        sources: [
          { key: 'members', formVersion: versions.members, weight: 1 },
          {
            key: 'debriefing',
            answeredBy: 'panel',
            panel: [f.users.outsider.id],
            formVersion: versions.debriefing,
            weight: 1,
          },
        ],
      }),
    )
    return { id: campaign.id, slug: campaign.slug(f.orgs.branch1, 'debriefing') }
  }
  const post = async (request: Request, slug: string, key: string): Promise<Outcome> => {
    const response = await request(`/api/links/${slug}/responses`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ answers: rated('good') }),
    })
    return { status: response.status, body: (await response.json()) as Outcome['body'] }
  }
  const expectOneRating = async (campaignId: number, outcomes: Outcome[]) => {
    expect(outcomes.filter((o) => o.status === 201)).toHaveLength(1)
    for (const refused of outcomes.filter((o) => o.status !== 201)) {
      expect(refused.status).toBe(409)
      expect(refused.body.error?.code).toBe('alreadyRated')
    }
    const stored = await f.database.db
      .select({ id: schema.responses.id })
      .from(schema.responses)
      .where(
        and(
          eq(schema.responses.campaignId, campaignId),
          eq(schema.responses.respondentId, f.users.outsider.id),
        ),
      )
    expect(stored).toHaveLength(1)
  }

  it('stores one of eight concurrent ratings of a unit and refuses the rest with alreadyRated', async () => {
    const { id, slug } = await panelLink()
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(f.app.request, slug, `burst-${i}`)),
    )
    await expectOneRating(id, outcomes)
  })

  // Two processes exist only on PostgreSQL (PGlite is one process's own database).
  const acrossProcesses = kind === 'postgres' ? [kind] : []
  it.each(acrossProcesses)(
    'stores one rating when two server processes take concurrent ratings of a unit (%s)',
    async () => {
      const { id, slug } = await panelLink()
      // A second app over its own connection pool: another process, as far as the database knows.
      const other = await openDatabase({ url: (f.database as { url?: string }).url })
      try {
        const second = createApp({ database: other, config: loadConfig({ SEED_DEMO: 'false' }) })
        const outcomes = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            post(i % 2 === 0 ? f.app.request : second.request, slug, `across-${i}`),
          ),
        )
        await expectOneRating(id, outcomes)
      } finally {
        await other.close()
      }
    },
  )
})
