import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { selfCheckCampaign } from './test-campaign'

describe.each(await testStores())('who reaches a self-check, on %s', (kind) => {
  let f: Fixture
  const url = (campaignId: number, unitId: number) =>
    `/api/campaigns/${campaignId}/self-checks/${unitId}`

  beforeAll(async () => {
    f = await createFixture(kind)
  })
  afterAll(() => f.close())

  it('refuses the secretary of another branch with 403, and lets assessors and editors read but not write', async () => {
    const campaignId = await selfCheckCampaign(f)
    const at = url(campaignId, f.orgs.branch1)
    const secretary = await f.login('secretary')
    expect((await f.call('GET', at, { token: secretary })).status).toBe(200)
    const other = await signInAs(f, `secretary2-${kind}`, [
      { role: 'secretary', orgId: f.orgs.branch2 },
    ])
    const body = { answers: { theoryStudy: 'yes' } }
    expect((await f.call('GET', at, { token: other })).status).toBe(403)
    const put = await f.call('PUT', at, { token: other, body })
    expect(put.status).toBe(403)
    expect(put.body.error.code).toBe('forbidden')
    expect((await f.call('GET', url(campaignId, f.orgs.branch2), { token: other })).status).toBe(
      200,
    )
    for (const who of ['assessor', 'editor', 'admin'] as const) {
      expect((await f.call('GET', at, { token: await f.login(who) })).status).toBe(200)
    }
    for (const who of ['assessor', 'editor'] as const) {
      const token = await f.login(who)
      expect((await f.call('PUT', at, { token, body })).status).toBe(403)
      expect((await f.call('POST', `${at}/announce`, { token })).status).toBe(403)
    }
    for (const who of ['reviewer', 'outsider'] as const) {
      expect((await f.call('GET', at, { token: await f.login(who) })).status).toBe(403)
    }
    expect((await f.call('GET', at)).status).toBe(401)
  })

  it('answers 404 for an unknown campaign, a campaign without a self source, and a unit it does not assess', async () => {
    const admin = await f.login('admin')
    expect((await f.call('GET', url(999999, f.orgs.branch1), { token: admin })).status).toBe(404)
    const noSelf = await selfCheckCampaign(f, { withSelf: false })
    const missing = await f.call('GET', url(noSelf, f.orgs.branch1), { token: admin })
    expect(missing.status).toBe(404)
    expect(missing.body.error.message).toMatch(/self/)
    const campaignId = await selfCheckCampaign(f)
    expect((await f.call('GET', url(campaignId, f.orgs.branch3), { token: admin })).status).toBe(
      404,
    )
    const rows = await f.database.db
      .select()
      .from(schema.selfChecks)
      .where(
        and(
          eq(schema.selfChecks.campaignId, campaignId),
          eq(schema.selfChecks.unitId, f.orgs.branch3),
        ),
      )
    expect(rows).toEqual([])
  })
})
