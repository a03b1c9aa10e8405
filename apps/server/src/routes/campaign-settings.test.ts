import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'
import { signInAs } from '../forms/test-helpers'

const PORTAL = 'https://dangjian.example.cn'

describe.each(await testStores())('PATCH /api/campaigns/:id on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number; self: number; members2: number }
  let admin: string
  let keys = 0

  const patch = (id: number, body: unknown, token = admin) =>
    f.call('PATCH', `/api/campaigns/${id}`, { token, body })
  const detail = async (id: number) =>
    (await f.call('GET', `/api/campaigns/${id}`, { token: admin })).body
  const rowOf = async (id: number) => {
    const [campaign] = await f.database.db
      .select()
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, id))
    const sources = await f.database.db
      .select()
      .from(schema.campaignSources)
      .where(eq(schema.campaignSources.campaignId, id))
    return { campaign, sources: sources.sort((a, b) => a.key.localeCompare(b.key)) }
  }
  // The self-check source only where a test adds it.
  const newCampaign = (overrides: Record<string, unknown> = {}) =>
    campaignBody(f, { members: versions.members, superior: versions.superior }, overrides)
  const draft = async (overrides: Record<string, unknown> = {}) => {
    const created = await f.call('POST', '/api/campaigns', {
      token: admin,
      body: newCampaign(overrides),
    })
    if (created.status !== 201) throw new Error(JSON.stringify(created.body))
    return created.body.id as number
  }
  const answer = (slug: string) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body: { answers: completeAnswers(templates.satisfaction, 'satisfied') },
      headers: { 'idempotency-key': `settings-${++keys}` },
    })

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
      self: await publishTemplate(f, 'selfCheck'),
      members2: await publishTemplate(f, 'satisfaction'),
    }
    admin = await f.login('admin')
  })
  afterAll(() => f.close())

  it('changes the name, window, showScore and time limit of a draft, and reads them back', async () => {
    const id = await draft()
    const opensAt = '2030-03-01T00:00:00.000Z'
    const closesAt = '2030-03-31T15:59:00.000Z'
    const { status, body } = await patch(id, {
      name: '  2030 年度综合评定（调整）  ',
      opensAt,
      closesAt,
      showScore: true,
      timeLimitMinutes: 30,
    })
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id,
      name: '2030 年度综合评定（调整）',
      opensAt,
      closesAt,
      showScore: true,
      timeLimitMinutes: 30,
      status: 'draft',
    })
    expect(await detail(id)).toMatchObject({
      name: '2030 年度综合评定（调整）',
      timeLimitMinutes: 30,
    })
    const cleared = await patch(id, { timeLimitMinutes: null })
    expect(cleared.body.timeLimitMinutes).toBeNull()
    expect((await rowOf(id)).campaign?.timeLimitMinutes).toBeNull()
  })

  it('normalises allowed origins and drops duplicates', async () => {
    const id = await draft()
    const { status, body } = await patch(id, {
      allowedOrigins: [
        'HTTPS://Dangjian.Example.CN:443/',
        PORTAL,
        'http://127.0.0.1:8080',
        ' http://127.0.0.1:8080 ',
      ],
    })
    expect(status).toBe(200)
    expect(body.allowedOrigins).toEqual([PORTAL, 'http://127.0.0.1:8080'])
    expect((await rowOf(id)).campaign?.allowedOrigins).toEqual([PORTAL, 'http://127.0.0.1:8080'])
    expect((await patch(id, { allowedOrigins: [] })).body.allowedOrigins).toEqual([])
  })

  it('lets a portal origin added to an open campaign use its links at once', async () => {
    const { id, slug } = await openCampaign(f, newCampaign())
    const link = slug(f.orgs.branch1, 'members')
    const fromPortal = () => f.call('GET', `/api/links/${link}`, { headers: { origin: PORTAL } })
    const before = await fromPortal()
    expect(before.status).toBe(403)
    expect(before.body.error.code).toBe('originNotAllowed')
    expect((await patch(id, { allowedOrigins: [`${PORTAL}/`] })).status).toBe(200)
    const after = await fromPortal()
    expect(after.status).toBe(200)
    expect(after.headers.get('access-control-allow-origin')).toBe(PORTAL)
    expect(after.headers.get('content-security-policy')).toContain(PORTAL)
    expect((await patch(id, { showScore: true })).status).toBe(200)
    expect((await f.call('GET', `/api/links/${link}`)).body.showScore).toBe(true)
  })

  it('refuses origins with a path, query, credentials or another scheme, writing nothing', async () => {
    const id = await draft({ allowedOrigins: [PORTAL] })
    for (const [bad, at] of [
      ['https://dangjian.example.cn/survey', 'allowedOrigins.0'],
      ['https://dangjian.example.cn?x=1', 'allowedOrigins.0'],
      ['https://user:pw@dangjian.example.cn', 'allowedOrigins.0'],
      ['ftp://dangjian.example.cn', 'allowedOrigins.0'],
      ['dangjian.example.cn', 'allowedOrigins.0'],
    ]) {
      const { status, body } = await patch(id, { allowedOrigins: [bad], name: '不应写入' })
      expect(status, bad).toBe(400)
      expect(body.error.code).toBe('invalidBody')
      expect(body.error.details.issues[0].path, bad).toBe(at)
    }
    const row = (await rowOf(id)).campaign
    expect(row?.allowedOrigins).toEqual([PORTAL])
    expect(row?.name).toBe('2025年度综合评定')
  })

  it('refuses a window that closes before it opens, naming the field that moved', async () => {
    const id = await draft()
    const before = (await rowOf(id)).campaign
    const early = await patch(id, { closesAt: '2001-01-01T00:00:00Z', showScore: true })
    expect(early.status).toBe(400)
    expect(early.body.error.details.issues[0].path).toBe('closesAt')
    const late = await patch(id, { opensAt: '2099-01-01T00:00:00Z' })
    expect(late.status).toBe(400)
    expect(late.body.error.details.issues[0].path).toBe('opensAt')
    expect((await rowOf(id)).campaign).toEqual(before)
  })

  it('refuses a bad time limit, an unknown field and an empty change', async () => {
    const id = await draft()
    for (const timeLimitMinutes of [0, -5, 1.5, 24 * 60 + 1, '30']) {
      const { status, body } = await patch(id, { timeLimitMinutes })
      expect(status, String(timeLimitMinutes)).toBe(400)
      expect(body.error.details.issues[0].path).toBe('timeLimitMinutes')
    }
    const unknown = await patch(id, { status: 'open' })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('invalidBody')
    expect((await patch(id, {})).status).toBe(400)
    expect((await rowOf(id)).campaign?.status).toBe('draft')
  })

  it('changes a source’s form version and weight while the campaign has no response', async () => {
    const id = await draft()
    const { status, body } = await patch(id, {
      sources: [
        { key: 'superior', weight: 7 },
        { key: 'members', formVersion: versions.members2 },
      ],
    })
    expect(status).toBe(200)
    expect(body.sources).toEqual([
      expect.objectContaining({ key: 'members', formVersion: versions.members2, weight: 3 }),
      expect.objectContaining({ key: 'superior', formVersion: versions.superior, weight: 7 }),
    ])
  })

  it('refuses an unknown source, a missing version and weights the SDK cannot evaluate, at their paths', async () => {
    const id = await draft()
    const before = await rowOf(id)
    const noSelf = await patch(id, { sources: [{ key: 'self', weight: 2 }] })
    expect(noSelf.status).toBe(400)
    expect(noSelf.body.error.details.issues[0].path).toBe('sources.0.key')
    const missing = await patch(id, {
      sources: [
        { key: 'members', weight: 4 },
        { key: 'superior', formVersion: 999_999 },
      ],
    })
    expect(missing.status).toBe(400)
    expect(missing.body.error.details.issues[0].path).toBe('sources.1.formVersion')
    const negative = await patch(id, {
      name: '不应写入',
      sources: [
        { key: 'members', weight: 3 },
        { key: 'superior', weight: -1 },
      ],
    })
    expect(negative.status).toBe(400)
    expect(negative.body.error.details.issues[0].path).toBe('sources.1.weight')
    expect(await rowOf(id)).toEqual(before)
  })

  it('refuses a version or weight change once responses exist, naming the fields; nothing is written', async () => {
    const { id, slug } = await openCampaign(f, newCampaign())
    expect((await answer(slug(f.orgs.branch1, 'members'))).status).toBe(201)
    const before = await rowOf(id)
    const { status, body } = await patch(id, {
      name: '不应写入',
      sources: [
        { key: 'members', formVersion: versions.members2 },
        { key: 'superior', weight: 9 },
      ],
    })
    expect(status).toBe(409)
    expect(body.error.code).toBe('responsesExist')
    expect(body.error.details).toMatchObject({
      field: 'sources',
      fields: ['sources.0.formVersion', 'sources.1.weight'],
      responses: 1,
    })
    expect(await rowOf(id)).toEqual(before)
    // The same values are no change, and the other settings still move.
    const same = await patch(id, {
      name: '已有答卷后改名',
      sources: [{ key: 'superior', weight: 5, formVersion: versions.superior }],
    })
    expect(same.status).toBe(200)
    expect(same.body.name).toBe('已有答卷后改名')
  })

  it('keeps the self-check’s form version once a branch has begun its self-check', async () => {
    const id = await draft({
      sources: [
        { key: 'self', formVersion: versions.self, weight: 2 },
        { key: 'members', formVersion: versions.members, weight: 3 },
      ],
    })
    await f.database.db
      .insert(schema.selfChecks)
      .values({ campaignId: id, unitId: f.orgs.branch1, answers: { q1: 'yes' } })
    const refused = await patch(id, { sources: [{ key: 'self', formVersion: versions.members }] })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('responsesExist')
    expect(refused.body.error.details).toMatchObject({
      fields: ['sources.0.formVersion'],
      responses: 0,
      selfChecks: 1,
    })
    // Weights and the other sources are not what the branch is answering.
    const weights = await patch(id, {
      sources: [
        { key: 'self', weight: 4 },
        { key: 'members', formVersion: versions.members2 },
      ],
    })
    expect(weights.status).toBe(200)
  })

  it('refuses any change to a closed campaign with campaignClosed, until it is reopened', async () => {
    const { id } = await openCampaign(f, newCampaign())
    expect((await f.call('POST', `/api/campaigns/${id}/close`, { token: admin })).status).toBe(200)
    const closed = await patch(id, { name: '关闭后改名' })
    expect(closed.status).toBe(409)
    expect(closed.body.error).toMatchObject({
      code: 'campaignClosed',
      details: { status: 'closed' },
    })
    expect((await rowOf(id)).campaign?.name).toBe('2025年度综合评定')
    expect((await f.call('POST', `/api/campaigns/${id}/open`, { token: admin })).status).toBe(200)
    expect((await patch(id, { name: '重新开始后改名' })).status).toBe(200)
  })

  it('lets only an admin or editor of the campaign’s office change it', async () => {
    const id = await draft()
    const otherOffice = await signInAs(f, 'other-office-admin', [
      { role: 'admin', orgId: f.orgs.otherSub },
    ])
    const subAdmin = await signInAs(f, 'sub-admin', [{ role: 'admin', orgId: f.orgs.sub }])
    const body = { name: '越权修改' }
    // Another office's admin does not see the campaign at all.
    expect((await patch(id, body, otherOffice)).status).toBe(404)
    for (const who of ['secretary', 'reviewer', 'assessor'] as const) {
      const { status, body: error } = await patch(id, body, await f.login(who))
      expect(status, who).toBe(403)
      expect(error.error.code).toBe('forbidden')
    }
    expect((await f.call('PATCH', `/api/campaigns/${id}`, { body })).status).toBe(401)
    // A sub-committee's admin sees a committee-wide campaign through its branches, but the
    // campaign is the committee's to change.
    const wide = await draft({ units: { subtree: f.orgs.committee } })
    expect((await patch(wide, body, subAdmin)).status).toBe(403)
    expect((await rowOf(id)).campaign?.name).toBe('2025年度综合评定')
    expect((await patch(id, { name: '编辑修改' }, await f.login('editor'))).status).toBe(200)
  })

  it('describes PATCH /api/campaigns/{id} in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const operation = spec.paths['/api/campaigns/{id}'].patch
    expect(operation.summary).toMatch(/修改测评活动设置/)
    expect(Object.keys(operation.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '404', '409']),
    )
  })
})
