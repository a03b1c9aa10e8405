import { testStores } from '@yardstick/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { completeAnswers, selfCheckCampaign } from './test-campaign'

interface Item {
  id: number
  question: string
  unitId: number
  overdue: boolean
  status: string
}

describe.each(await testStores())('rectifications on %s', (kind) => {
  let f: Fixture
  let secretary: string
  let campaignId: number
  let items: Item[]
  const list = (token: string, query = '') =>
    f.call('GET', `/api/campaigns/${campaignId}/rectifications${query}`, { token })
  const patch = (id: number, body: unknown, token = secretary) =>
    f.call('PATCH', `/api/rectifications/${id}`, { token, body })

  /** Submits a unit's self-check with problems, as its secretary. */
  const submitWithProblems = async (unitId: number, token: string, deadline: string) => {
    const at = `/api/campaigns/${campaignId}/self-checks/${unitId}`
    const entry = (what: string) => ({
      description: what,
      measure: '整改',
      owner: '书记',
      deadline,
    })
    const answers = completeAnswers({
      theoryStudy: entry('学习不够'),
      partyDues: entry('党费迟交'),
    })
    await f.call('PUT', at, { token, body: { answers } })
    await f.call('POST', `${at}/approve`, { token, body: { approvedOn: '2025-03-18' } })
    await f.call('POST', `${at}/announce`, { token })
    const done = await f.call('POST', `${at}/submit`, { token })
    if (done.status !== 200) throw new Error(JSON.stringify(done.body))
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
    campaignId = await selfCheckCampaign(f)
    await submitWithProblems(f.orgs.branch1, secretary, '2020-06-30')
    const second = await signInAs(f, 'secretary2', [{ role: 'secretary', orgId: f.orgs.branch2 }])
    await submitWithProblems(f.orgs.branch2, second, '2999-12-31')
    items = (await list(await f.login('admin'), '?limit=100')).body.items
  })
  afterAll(() => f.close())

  it('lists each submitted problem with its measure, owner, deadline, status and overdue flag', async () => {
    const { status, body } = await list(secretary, `?unitId=${f.orgs.branch1}`)
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(body.items).toMatchObject([
      {
        unitId: f.orgs.branch1,
        unitName: '第一党支部',
        question: 'theoryStudy',
        note: '学习不够',
        measure: '整改',
        owner: '书记',
        deadline: '2020-06-30',
        status: 'open',
        overdue: true,
      },
      { question: 'partyDues', note: '党费迟交', overdue: true },
    ])
  })

  it('shows a secretary only their branch, and assessors, editors and admins every branch they reach', async () => {
    const own = await list(secretary)
    expect(new Set(own.body.items.map((i: Item) => i.unitId))).toEqual(new Set([f.orgs.branch1]))
    for (const who of ['assessor', 'editor', 'admin'] as const) {
      const { body } = await list(await f.login(who), '?limit=100')
      expect(body.total, who).toBe(4)
    }
  })

  it('refuses a secretary of another branch, reviewers and outsiders', async () => {
    const other = await signInAs(f, `secretary3-${kind}`, [
      { role: 'secretary', orgId: f.orgs.branch3 },
    ])
    expect((await list(other, `?unitId=${f.orgs.branch1}`)).status).toBe(403)
    expect((await list(await f.login('reviewer'))).status).toBe(403)
    expect((await list(await f.login('outsider'))).status).toBe(403)
    expect((await f.call('GET', `/api/campaigns/${campaignId}/rectifications`)).status).toBe(401)
    expect(
      (await f.call('GET', '/api/campaigns/999999/rectifications', { token: secretary })).status,
    ).toBe(404)
  })

  it('filters by status and pages by cursor', async () => {
    const admin = await f.login('admin')
    const first = await list(admin, '?limit=3')
    expect(first.body.items).toHaveLength(3)
    const next = await list(admin, `?limit=3&cursor=${first.body.nextCursor}`)
    expect(next.body.items).toHaveLength(1)
    expect(next.body.nextCursor).toBeNull()
    expect((await list(admin, '?status=fixed')).body.total).toBe(0)
  })

  it('lets the branch’s secretary update measure, owner and deadline, and a fixed item is not overdue', async () => {
    const item = items.find((i) => i.unitId === f.orgs.branch1 && i.question === 'theoryStudy')
    if (!item) throw new Error('fixture')
    const updated = await patch(item.id, {
      measure: '每月集中学习一次',
      owner: '王书记',
      deadline: '2021-01-31',
      status: 'inProgress',
    })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({
      measure: '每月集中学习一次',
      owner: '王书记',
      deadline: '2021-01-31',
      status: 'inProgress',
      overdue: true,
    })
    const fixed = await patch(item.id, { status: 'fixed' })
    expect(fixed.body).toMatchObject({ status: 'fixed', overdue: false, owner: '王书记' })
    const cleared = await patch(item.id, { deadline: null, status: 'open' })
    expect(cleared.body).toMatchObject({ deadline: null, overdue: false })
  })

  it('refuses updates from anyone but the branch’s secretary or an admin', async () => {
    const item = items.find((i) => i.unitId === f.orgs.branch1)
    const theirs = items.find((i) => i.unitId === f.orgs.branch2)
    if (!item || !theirs) throw new Error('fixture')
    for (const who of ['assessor', 'editor', 'reviewer', 'outsider'] as const) {
      const refused = await patch(item.id, { status: 'fixed' }, await f.login(who))
      expect(refused.status, who).toBe(403)
    }
    expect((await patch(theirs.id, { status: 'fixed' })).status).toBe(403)
    expect((await patch(item.id, { owner: '管理员' }, await f.login('admin'))).status).toBe(200)
    expect((await patch(999999, { status: 'fixed' })).status).toBe(404)
  })

  it('refuses an empty change, an unknown status and a date that does not exist', async () => {
    const item = items[0]
    if (!item) throw new Error('fixture')
    for (const body of [{}, { status: 'done' }, { deadline: '2025-13-01' }]) {
      const refused = await patch(item.id, body)
      expect(refused.status).toBe(400)
      expect(refused.body.error.code).toBe('invalidBody')
    }
  })
})
