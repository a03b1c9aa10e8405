import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { selfCheckCampaign, submitWithProblems } from './test-campaign'

interface Item {
  id: number
  question: string
  unitId: number
  overdue: boolean
  status: string
  deadline: string | null
  can: { update: boolean; review: boolean }
}

describe.each(await testStores())('rectifications, as the branch works on them, on %s', (kind) => {
  let f: Fixture
  let secretary: string
  let admin: string
  let campaignId: number
  let items: Item[]
  const list = (token: string, query = '') =>
    f.call('GET', `/api/campaigns/${campaignId}/rectifications${query}`, { token })
  const patch = (id: number, body: unknown, token = secretary) =>
    f.call('PATCH', `/api/rectifications/${id}`, { token, body })
  /** A fresh item of branch 1: each test works on its own. */
  const itemOf = (question: string) => {
    const item = items.find((i) => i.unitId === f.orgs.branch1 && i.question === question)
    if (!item) throw new Error(`fixture: no ${question}`)
    return item
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
    admin = await f.login('admin')
    campaignId = await selfCheckCampaign(f, {
      units: [f.orgs.branch1, f.orgs.branch2, f.orgs.branch3],
    })
    await submitWithProblems(f, {
      campaignId,
      unitId: f.orgs.branch1,
      token: secretary,
      deadline: '2020-06-30',
    })
    // Branches 2 and 3, each by its own secretary, not yet due.
    for (const [name, unitId] of [
      ['secretary2', f.orgs.branch2],
      ['secretary3', f.orgs.branch3],
    ] as const) {
      const token = await signInAs(f, name, [{ role: 'secretary', orgId: unitId }])
      await submitWithProblems(f, { campaignId, unitId, token, deadline: '2999-12-31' })
    }
    items = (await list(admin, '?limit=100')).body.items
  })
  afterAll(() => f.close())

  it('lists each problem with its measure, owner, deadline, status, overdue flag and what you may do', async () => {
    const { status, body } = await list(secretary, `?unitId=${f.orgs.branch1}`)
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(body.items).toMatchObject([
      {
        unitId: f.orgs.branch1,
        unitName: '第一党支部',
        campaignName: '2025年度综合评定',
        question: 'theoryStudy',
        note: '学习不够',
        measure: '整改',
        owner: '书记',
        deadline: '2020-06-30',
        status: 'open',
        progress: null,
        evidence: null,
        reviewNote: null,
        reviewer: null,
        overdue: true,
        can: { update: true, review: false },
      },
      { question: 'partyDues', note: '党费迟交', overdue: true },
    ])
  })

  it('shows a secretary only their branch, and assessors, editors and admins the branches they reach', async () => {
    const own = await list(secretary)
    expect(new Set(own.body.items.map((i: Item) => i.unitId))).toEqual(new Set([f.orgs.branch1]))
    const totals: Record<string, number> = {}
    for (const who of ['assessor', 'editor', 'admin'] as const) {
      totals[who] = (await list(await f.login(who), '?limit=100')).body.total
    }
    expect(totals).toEqual({ assessor: 4, editor: 6, admin: 6 })
  })

  it('refuses a secretary of another branch, reviewers and outsiders', async () => {
    const other = await signInAs(f, `secretary4-${kind}`, [
      { role: 'secretary', orgId: f.orgs.branch3 },
    ])
    expect((await list(other, `?unitId=${f.orgs.branch1}`)).status).toBe(403)
    expect((await list(await f.login('reviewer'))).status).toBe(403)
    expect((await list(await f.login('outsider'))).status).toBe(403)
    expect((await f.call('GET', `/api/campaigns/${campaignId}/rectifications`)).status).toBe(401)
    expect((await f.call('GET', '/api/rectifications')).status).toBe(401)
    expect(
      (await f.call('GET', '/api/campaigns/999999/rectifications', { token: secretary })).status,
    ).toBe(404)
  })

  it('puts the overdue ones first with sort=urgency, and counts them by status', async () => {
    const { body } = await list(admin, '?sort=urgency&limit=100')
    const overdue = body.items.map((i: Item) => i.overdue)
    expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)))
    expect(overdue.filter(Boolean)).toHaveLength(2)
    expect(body.items[0].unitId).toBe(f.orgs.branch1)
    expect(body.counts.overdue).toBe(2)
    expect(body.counts.byStatus.open + body.counts.byStatus.inProgress).toBeGreaterThan(0)
    const refused = await list(admin, `?sort=urgency&cursor=${body.items[0].id}`)
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('badRequest')
  })

  it('filters by status list, overdue and subtree, and refuses a subtree out of reach', async () => {
    const assessor = await f.login('assessor')
    const sub = await list(assessor, `?subtree=${f.orgs.sub}&limit=100`)
    expect(new Set(sub.body.items.map((i: Item) => i.unitId))).toEqual(
      new Set([f.orgs.branch1, f.orgs.branch2]),
    )
    const otherSub = await list(assessor, `?subtree=${f.orgs.otherSub}`)
    expect(otherSub.status).toBe(403)
    const third = await list(admin, `?subtree=${f.orgs.otherSub}&limit=100`)
    expect(third.body.items.map((i: Item) => i.unitId)).toEqual([f.orgs.branch3, f.orgs.branch3])
    const late = await list(admin, '?overdue=true&limit=100')
    expect(late.body.items.every((i: Item) => i.overdue)).toBe(true)
    expect(late.body.total).toBe(late.body.counts.overdue)
    const none = await list(admin, '?status=accepted,returned')
    expect(none.body.total).toBe(0)
    expect((await list(admin, '?status=done')).status).toBe(400)
    expect((await list(admin, '?subtree=999999')).status).toBe(404)
  })

  it('lists a branch’s rectifications of every campaign, and one alone, with the same rules', async () => {
    const all = await f.call('GET', `/api/rectifications?unitId=${f.orgs.branch1}`, {
      token: secretary,
    })
    expect(all.status).toBe(200)
    expect(all.body.items.map((i: Item) => i.question)).toEqual(['theoryStudy', 'partyDues'])
    const one = await f.call('GET', `/api/rectifications/${itemOf('partyDues').id}`, {
      token: secretary,
    })
    expect(one.body).toMatchObject({ question: 'partyDues', can: { update: true, review: false } })
    const theirs = items.find((i) => i.unitId === f.orgs.branch3)
    const refused = await f.call('GET', `/api/rectifications/${theirs?.id}`, { token: secretary })
    expect(refused.status).toBe(403)
    expect((await f.call('GET', '/api/rectifications/999999', { token: admin })).status).toBe(404)
  })

  it('lets the branch’s secretary record progress, evidence and a new deadline, then mark it fixed', async () => {
    const item = itemOf('theoryStudy')
    const working = await patch(item.id, {
      progress: '已召开专题学习会',
      deadline: '2021-01-31',
      status: 'inProgress',
    })
    expect(working.status).toBe(200)
    expect(working.body).toMatchObject({
      progress: '已召开专题学习会',
      deadline: '2021-01-31',
      status: 'inProgress',
      overdue: true,
    })
    const fixed = await patch(item.id, { evidence: '学习记录 3 份', status: 'fixed' })
    expect(fixed.body).toMatchObject({
      status: 'fixed',
      evidence: '学习记录 3 份',
      overdue: false,
      progress: '已召开专题学习会',
      can: { update: true, review: false },
    })
    const stillFixed = await patch(item.id, { progress: '补充了照片' })
    expect(stillFixed.body).toMatchObject({ status: 'fixed', progress: '补充了照片' })
    const back = await patch(item.id, { status: 'inProgress', evidence: null })
    expect(back.body).toMatchObject({ status: 'inProgress', evidence: null, overdue: true })
  })

  it('refuses to mark a rectification fixed without evidence, naming what is missing', async () => {
    const item = itemOf('partyDues')
    const refused = await patch(item.id, { status: 'fixed' })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'open', to: 'fixed', missing: ['evidence'] },
    })
    const blank = await patch(item.id, { status: 'fixed', evidence: '   ' })
    expect(blank.status).toBe(409)
    const kept = await f.call('GET', `/api/rectifications/${item.id}`, { token: secretary })
    expect(kept.body).toMatchObject({ status: 'open', evidence: null })
  })

  it('refuses moves the table does not give the branch with 409 invalidTransition', async () => {
    const item = itemOf('partyDues')
    for (const status of ['accepted', 'returned'] as const) {
      const refused = await patch(item.id, { status, evidence: '记录' })
      expect(refused.status, status).toBe(409)
      expect(refused.body.error).toMatchObject({
        code: 'invalidTransition',
        details: { from: 'open', to: status, by: 'branch', allowed: ['inProgress', 'fixed'] },
      })
    }
  })

  it('refuses an empty change, an emptied measure, owner or deadline, an unknown status and a date that does not exist', async () => {
    const item = itemOf('partyDues')
    for (const body of [
      {},
      { status: 'done' },
      { deadline: '2025-13-01' },
      { deadline: null },
      { measure: '  ' },
      { owner: '' },
    ]) {
      const refused = await patch(item.id, body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      expect(refused.body.error.code).toBe('invalidBody')
    }
  })

  it('refuses updates from anyone but the branch’s secretary or an admin', async () => {
    const item = itemOf('partyDues')
    const theirs = items.find((i) => i.unitId === f.orgs.branch2)
    if (!theirs) throw new Error('fixture')
    for (const who of ['assessor', 'editor', 'reviewer', 'outsider'] as const) {
      const refused = await patch(item.id, { progress: '…' }, await f.login(who))
      expect(refused.status, who).toBe(403)
    }
    expect((await patch(theirs.id, { progress: '…' })).status).toBe(403)
    expect((await patch(item.id, { owner: '管理员' }, admin)).status).toBe(200)
    expect((await patch(999999, { progress: '…' })).status).toBe(404)
  })
})
