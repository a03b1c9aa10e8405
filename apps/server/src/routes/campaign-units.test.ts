import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, publishTemplate } from '../campaigns/test-fixture'
import { signInAs } from '../forms/test-helpers'

describe.each(await testStores())('a campaign over chosen branches on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number }
  // A sub-committee's editor names only versions it reads: its own office's.
  let subVersions: { members: number; superior: number }
  let admin: string
  let subEditor: string

  const create = (token: string, overrides: Record<string, unknown>) =>
    f.call('POST', '/api/campaigns', {
      token,
      body: campaignBody(f, token === subEditor ? subVersions : versions, overrides),
    })
  const unitsOf = async (id: number) =>
    (
      await f.database.db
        .select({ unitId: schema.campaignUnits.unitId })
        .from(schema.campaignUnits)
        .where(eq(schema.campaignUnits.campaignId, id))
    )
      .map((row) => row.unitId)
      .sort()

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
    subVersions = {
      members: await publishTemplate(f, 'satisfaction', f.orgs.sub),
      superior: await publishTemplate(f, 'scorecard', f.orgs.sub),
    }
    admin = await f.login('admin')
    subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
  })
  afterAll(() => f.close())

  it('assesses exactly the branches listed, run by the office named, one link per source each', async () => {
    const created = await create(admin, {
      units: { ids: [f.orgs.branch3, f.orgs.branch1, f.orgs.branch1] },
      orgId: f.orgs.committee,
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    expect(await unitsOf(id)).toEqual([f.orgs.branch1, f.orgs.branch3].sort())
    const detail = await f.call('GET', `/api/campaigns/${id}`, { token: admin })
    expect(detail.body).toMatchObject({ orgId: f.orgs.committee, unitCount: 2 })
    const links = await f.database.db
      .select()
      .from(schema.links)
      .where(eq(schema.links.campaignId, id))
    expect(links).toHaveLength(4)
  })

  it('lets an editor of a sub-committee choose among its own branches only', async () => {
    const own = await create(subEditor, { units: { ids: [f.orgs.branch2] }, orgId: f.orgs.sub })
    expect(own.status).toBe(201)
    expect(await unitsOf(own.body.id)).toEqual([f.orgs.branch2])
    // A branch of another sub-committee: the common office is the committee, out of reach.
    const across = await create(subEditor, { units: { ids: [f.orgs.branch1, f.orgs.branch3] } })
    expect(across.status).toBe(403)
    expect(across.body.error.code).toBe('forbidden')
    // Named as the office's own, it is not under the office.
    const outside = await create(subEditor, {
      units: { ids: [f.orgs.branch1, f.orgs.branch3] },
      orgId: f.orgs.sub,
    })
    expect(outside.status).toBe(400)
    expect(outside.body.error.details.issues[0].path).toBe('units')
  })

  it('refuses an editor who reaches some of the branches but not the office running them', async () => {
    const branchEditor = await signInAs(f, 'branch-editor', [
      { role: 'editor', orgId: f.orgs.branch1 },
      { role: 'reviewer', orgId: f.orgs.sub },
    ])
    const before = await f.database.db.select().from(schema.campaigns)
    const refused = await create(branchEditor, {
      units: { ids: [f.orgs.branch1, f.orgs.branch2] },
      orgId: f.orgs.sub,
    })
    expect(refused.status).toBe(403)
    expect(await f.database.db.select().from(schema.campaigns)).toHaveLength(before.length)
  })

  it('refuses an empty list and a branch that does not exist', async () => {
    const empty = await create(admin, { units: { ids: [] } })
    expect(empty.status).toBe(400)
    expect(empty.body.error.details.issues[0].path).toBe('units.ids')
    const missing = await create(admin, { units: { ids: [f.orgs.branch1, 999_999] } })
    expect(missing.status).toBe(400)
    expect(missing.body.error.details).toMatchObject({ ids: [999_999] })
  })
})
