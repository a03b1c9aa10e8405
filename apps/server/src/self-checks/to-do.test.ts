import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { selfCheckCampaign, submitWithProblems } from './test-campaign'

describe.each(await testStores())('a branch’s to-do list, on %s', (kind) => {
  let f: Fixture
  let secretary: string
  let open: number
  let submitted: number
  const toDo = (token?: string, query = '') => f.call('GET', `/api/self-checks${query}`, { token })

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
    open = await selfCheckCampaign(f)
    // Not the branch's to do: no self-check, a draft campaign, another branch's, a closed one.
    await selfCheckCampaign(f, { withSelf: false })
    await selfCheckCampaign(f, { status: 'draft' })
    await selfCheckCampaign(f, { units: [f.orgs.branch2, f.orgs.branch3] })
    await selfCheckCampaign(f, { status: 'closed' })
    submitted = await selfCheckCampaign(f)
    await submitWithProblems(f, {
      campaignId: submitted,
      unitId: f.orgs.branch1,
      token: secretary,
      deadline: '2020-06-30',
    })
  })
  afterAll(() => f.close())

  it('lists only the open campaigns with a self-check for the branch, the ones to submit first', async () => {
    const { status, body } = await toDo(secretary)
    expect(status).toBe(200)
    expect(body.items).toMatchObject([
      {
        campaignId: open,
        campaignName: '2025年度综合评定',
        unitId: f.orgs.branch1,
        unitName: '第一党支部',
        status: 'draft',
        started: false,
        accepting: true,
        openRectifications: 0,
        overdueRectifications: 0,
      },
      {
        campaignId: submitted,
        status: 'submitted',
        started: true,
        openRectifications: 2,
        overdueRectifications: 2,
      },
    ])
    expect(Date.parse(body.items[0].closesAt)).toBeGreaterThan(Date.now())
  })

  it('shows a draft saved once as started', async () => {
    await f.call('PUT', `/api/campaigns/${open}/self-checks/${f.orgs.branch1}`, {
      token: secretary,
      body: { answers: {} },
    })
    const { body } = await toDo(secretary)
    expect(body.items[0]).toMatchObject({ campaignId: open, started: true, status: 'draft' })
  })

  it('answers one branch to whoever reads it, nothing without a secretary role, and refuses the rest', async () => {
    const admin = await f.login('admin')
    expect((await toDo(admin)).body.items).toEqual([])
    const mine = (await toDo(secretary)).body.items
    expect((await toDo(admin, `?unitId=${f.orgs.branch1}`)).body.items).toEqual(mine)
    expect((await toDo(await f.login('assessor'), `?unitId=${f.orgs.branch1}`)).status).toBe(200)
    const other = await signInAs(f, `secretary2-${kind}`, [
      { role: 'secretary', orgId: f.orgs.branch2 },
    ])
    expect((await toDo(other, `?unitId=${f.orgs.branch1}`)).status).toBe(403)
    expect((await toDo(other)).body.items.map((i: { unitId: number }) => i.unitId)).toEqual([
      f.orgs.branch2,
      f.orgs.branch2,
      f.orgs.branch2,
    ])
    expect((await toDo(await f.login('reviewer'), `?unitId=${f.orgs.branch1}`)).status).toBe(403)
    expect((await toDo(admin, '?unitId=999999')).status).toBe(404)
    expect((await toDo()).status).toBe(401)
  })

  it('is described in OpenAPI with English and zh-CN summaries', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(spec.paths['/api/self-checks']?.get?.summary).toMatch(/[A-Za-z].*·.*\p{Script=Han}/u)
  })
})
