import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { selfCheckCampaign, submitWithProblems } from './test-campaign'

interface Item {
  id: number
  unitId: number
  question: string
  status: string
}

describe.each(await testStores())('the superior office reviews rectifications, on %s', (kind) => {
  let f: Fixture
  let secretary: string
  let assessor: string
  let items: Item[]
  const review = (id: number, body: unknown, token = assessor) =>
    f.call('POST', `/api/rectifications/${id}/review`, { token, body })
  const patch = (id: number, body: unknown) =>
    f.call('PATCH', `/api/rectifications/${id}`, { token: secretary, body })
  const fixedItem = async (unitId: number, question: string, token = secretary) => {
    const item = items.find((i) => i.unitId === unitId && i.question === question)
    if (!item) throw new Error(`fixture: no ${question} of ${unitId}`)
    const done = await f.call('PATCH', `/api/rectifications/${item.id}`, {
      token,
      body: { evidence: '整改记录', status: 'fixed' },
    })
    if (done.status !== 200) throw new Error(JSON.stringify(done.body))
    return item
  }
  let third: string

  beforeAll(async () => {
    f = await createFixture(kind)
    secretary = await f.login('secretary')
    assessor = await f.login('assessor')
    const campaignId = await selfCheckCampaign(f, {
      units: [f.orgs.branch1, f.orgs.branch3],
    })
    await submitWithProblems(f, {
      campaignId,
      unitId: f.orgs.branch1,
      token: secretary,
      deadline: '2020-06-30',
    })
    third = await signInAs(f, 'secretary3', [{ role: 'secretary', orgId: f.orgs.branch3 }])
    await submitWithProblems(f, {
      campaignId,
      unitId: f.orgs.branch3,
      token: third,
      deadline: '2020-06-30',
    })
    const all = await f.call('GET', `/api/rectifications?limit=100`, {
      token: await f.login('admin'),
    })
    items = all.body.items
  })
  afterAll(() => f.close())

  it('lets an assessor above the branch accept a fixed rectification (销号), which then never changes', async () => {
    const item = await fixedItem(f.orgs.branch1, 'theoryStudy')
    const seen = await f.call('GET', `/api/rectifications/${item.id}`, { token: assessor })
    expect(seen.body.can).toEqual({ update: false, review: true })
    const accepted = await review(item.id, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      reviewNote: null,
      reviewer: { name: 'assessor' },
      overdue: false,
      can: { update: false, review: false },
    })
    expect(accepted.body.reviewedAt).toMatch(/^\d{4}-/)
    const urgent = await f.call('GET', '/api/rectifications?sort=urgency&limit=100', {
      token: assessor,
    })
    expect(urgent.body.items.at(-1)).toMatchObject({ id: item.id, status: 'accepted' })
    const edit = await patch(item.id, { progress: '再补充' })
    expect(edit.status).toBe(409)
    expect(edit.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'accepted', allowed: [] },
    })
    for (const decision of ['accept', 'return'] as const) {
      const again = await review(item.id, { decision, note: '再看' })
      expect(again.status, decision).toBe(409)
      expect(again.body.error.code).toBe('invalidTransition')
    }
  })

  it('returns one with a required reason, which the secretary reads and works on again', async () => {
    const item = await fixedItem(f.orgs.branch1, 'partyDues')
    for (const body of [{ decision: 'return' }, { decision: 'return', note: '   ' }]) {
      const refused = await review(item.id, body)
      expect(refused.status).toBe(400)
      expect(refused.body.error.code).toBe('invalidBody')
      expect(refused.body.error.details.issues[0].path).toBe('note')
    }
    expect((await review(item.id, { decision: 'maybe' })).status).toBe(400)
    const returned = await review(item.id, { decision: 'return', note: '缺少补交凭证' })
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: '缺少补交凭证' })
    const read = await f.call('GET', `/api/rectifications/${item.id}`, { token: secretary })
    expect(read.body).toMatchObject({
      status: 'returned',
      reviewNote: '缺少补交凭证',
      reviewer: { name: 'assessor' },
      overdue: true,
      can: { update: true, review: false },
    })
    const again = await patch(item.id, { evidence: '补交凭证扫描件', status: 'fixed' })
    expect(again.body).toMatchObject({ status: 'fixed', reviewNote: '缺少补交凭证' })
    expect((await review(item.id, { decision: 'accept', note: '已核实' })).body).toMatchObject({
      status: 'accepted',
      reviewNote: '已核实',
    })
  })

  it('refuses to review what the branch has not marked fixed', async () => {
    const item = items.find((i) => i.unitId === f.orgs.branch3 && i.question === 'theoryStudy')
    if (!item) throw new Error('fixture')
    const refused = await review(item.id, { decision: 'accept' }, await f.login('admin'))
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'open', to: 'accepted', by: 'superior', allowed: [] },
    })
  })

  it('allows admins and assessors above the branch, and never the branch’s own secretary, editors, reviewers or another subtree', async () => {
    const item = await fixedItem(f.orgs.branch3, 'partyDues', third)
    const tokens: Record<string, string> = {
      secretary: third,
      'secretary who is also an admin': await signInAs(f, `sec-admin-${kind}`, [
        { role: 'secretary', orgId: f.orgs.branch3 },
        { role: 'admin', orgId: f.orgs.committee },
      ]),
      'assessor of another sub-committee': assessor,
      'assessor on the branch itself': await signInAs(f, `branch-assessor-${kind}`, [
        { role: 'assessor', orgId: f.orgs.branch3 },
      ]),
      'secretary of another branch': secretary,
      editor: await f.login('editor'),
      reviewer: await f.login('reviewer'),
      outsider: await f.login('outsider'),
    }
    for (const [who, token] of Object.entries(tokens)) {
      const refused = await review(item.id, { decision: 'accept' }, token)
      expect(refused.status, who).toBe(403)
      expect(refused.body.error.code, who).toBe('forbidden')
    }
    const own = await review(
      item.id,
      { decision: 'accept' },
      tokens['secretary who is also an admin'],
    )
    expect(own.body.error.details.ownBranch).toBe(true)
    expect((await f.call('POST', `/api/rectifications/${item.id}/review`)).status).toBe(401)
    const subAssessor = await signInAs(f, `other-assessor-${kind}`, [
      { role: 'assessor', orgId: f.orgs.otherSub },
    ])
    const accepted = await review(item.id, { decision: 'accept' }, subAssessor)
    expect(accepted.status).toBe(200)
    expect(accepted.body.reviewer.name).toBe(`other-assessor-${kind}`)
  })

  it('describes the rectification routes in OpenAPI with English and zh-CN summaries', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const routes = [
      ['/api/rectifications', 'get'],
      ['/api/rectifications/{id}', 'get'],
      ['/api/rectifications/{id}', 'patch'],
      ['/api/rectifications/{id}/review', 'post'],
    ] as const
    for (const [path, method] of routes) {
      expect(spec.paths[path]?.[method]?.summary, `${method} ${path}`).toMatch(
        /[A-Za-z].*·.*\p{Script=Han}/u,
      )
    }
  })
})
