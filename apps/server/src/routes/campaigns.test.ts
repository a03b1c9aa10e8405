import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'
import { hashRespondentToken } from '../campaigns/secrets'
import { campaignBody, openCampaign, publishTemplate } from '../campaigns/test-fixture'
import { createUser } from '../orgs/org-tree'

describe.each(await testStores())('campaigns on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number }
  let tokens: Record<
    'admin' | 'editor' | 'reviewer' | 'secretary' | 'assessor' | 'outsider',
    string
  >
  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
    const who = ['admin', 'editor', 'reviewer', 'secretary', 'assessor', 'outsider'] as const
    tokens = Object.fromEntries(
      await Promise.all(who.map(async (w) => [w, await f.login(w)])),
    ) as typeof tokens
  })
  afterAll(() => f.close())

  it('creates a draft campaign over the branches of a subtree, with one link per unit and source', async () => {
    const created = await f.call('POST', '/api/campaigns', {
      token: tokens.editor,
      body: campaignBody(f, versions),
    })
    expect(created.status).toBe(201)
    const { id } = created.body
    const detail = await f.call('GET', `/api/campaigns/${id}`, { token: tokens.editor })
    expect(detail.body).toMatchObject({
      id,
      orgId: f.orgs.sub,
      status: 'draft',
      accepting: false,
      unitCount: 2,
      sources: [
        { key: 'members', formVersion: versions.members, weight: 3, measure: 'satisfactionRate' },
        { key: 'superior', formVersion: versions.superior, weight: 5 },
      ],
    })
    const links = await f.database.db
      .select()
      .from(schema.links)
      .where(eq(schema.links.campaignId, id))
    expect(links).toHaveLength(4)
    expect(new Set(links.map((l) => l.unitId))).toEqual(new Set([f.orgs.branch1, f.orgs.branch2]))
    for (const link of links) expect(link.slug).toMatch(/^[A-Za-z0-9_-]{22}$/)
  })

  it('does not show respondents their score unless the campaign says so', async () => {
    const plain = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions),
    })
    const shown = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { showScore: true }),
    })
    expect([plain.status, shown.status]).toEqual([201, 201])
    const detailOf = (id: number) => f.call('GET', `/api/campaigns/${id}`, { token: tokens.admin })
    expect((await detailOf(plain.body.id)).body.showScore).toBe(false)
    expect((await detailOf(shown.body.id)).body.showScore).toBe(true)
    const list = await f.call('GET', '/api/campaigns?limit=100', { token: tokens.admin })
    const listed = (id: number) =>
      list.body.items.find((item: { id: number }) => item.id === id)?.showScore
    expect([listed(plain.body.id), listed(shown.body.id)]).toEqual([false, true])
  })

  it('refuses a showScore that is not a boolean, and nothing is written', async () => {
    const before = await f.database.db.select().from(schema.campaigns)
    const { status, body } = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { showScore: 'yes' }),
    })
    expect(status).toBe(400)
    expect(body.error.details.issues[0].path).toBe('showScore')
    expect(await f.database.db.select().from(schema.campaigns)).toHaveLength(before.length)
  })

  it('takes an explicit list of branches, under their common office by default', async () => {
    const created = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { units: { ids: [f.orgs.branch1, f.orgs.branch3] } }),
    })
    expect(created.status).toBe(201)
    const detail = await f.call('GET', `/api/campaigns/${created.body.id}`, { token: tokens.admin })
    expect(detail.body).toMatchObject({ orgId: f.orgs.committee, unitCount: 2 })
  })

  it('refuses units that are not branches, naming them', async () => {
    const { status, body } = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { units: { ids: [f.orgs.branch1, f.orgs.sub] } }),
    })
    expect(status).toBe(400)
    expect(body.error.details).toMatchObject({ ids: [f.orgs.sub] })
  })

  it('refuses evaluation rules the SDK cannot evaluate, with the path of the fault', async () => {
    const { status, body } = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, {
        bands: [
          { min: 60, grade: '达标' },
          { min: 90, grade: '先进' },
        ],
      }),
    })
    expect(status).toBe(400)
    expect(body.error.details).toMatchObject({
      policyError: 'unorderedBands',
      issues: [{ path: 'bands.1.min' }],
    })
    const zero = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(
        f,
        { members: versions.members },
        { sources: [{ key: 'members', formVersion: versions.members, weight: 0 }] },
      ),
    })
    expect(zero.status).toBe(400)
    expect(zero.body.error.details.issues[0].path).toBe('sources.0.weight')
  })

  it('refuses a source whose form version does not exist, and nothing is written', async () => {
    const before = await f.database.db.select().from(schema.campaigns)
    const { status, body } = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, { members: versions.members, superior: 999_999 }),
    })
    expect(status).toBe(400)
    expect(body.error.details.issues[0].path).toBe('sources.1.formVersion')
    expect(await f.database.db.select().from(schema.campaigns)).toHaveLength(before.length)
  })

  it('refuses a closing time before the opening time and a non-origin in allowedOrigins', async () => {
    const backwards = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { closesAt: '2000-01-01T00:00:00Z' }),
    })
    expect(backwards.status).toBe(400)
    const withPath = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { allowedOrigins: ['https://portal.example.cn/page'] }),
    })
    expect(withPath.status).toBe(400)
    expect(withPath.body.error.details.issues[0].path).toBe('allowedOrigins.0')
  })

  it('lets only admins and editors reaching the office create a campaign', async () => {
    const body = campaignBody(f, versions)
    for (const who of ['reviewer', 'secretary', 'assessor', 'outsider'] as const) {
      const { status } = await f.call('POST', '/api/campaigns', { token: tokens[who], body })
      expect(status, who).toBe(403)
    }
    expect((await f.call('POST', '/api/campaigns', { body })).status).toBe(401)
  })

  it('tells each reader whether they manage the campaign, as the settings and the check decide', async () => {
    // An editor of 第一分工委 sees a committee campaign through its branch there, and manages
    // only the campaigns of their own office.
    await createUser(f.database.db, {
      email: 'sub-editor@example.org',
      name: '第一分工委 编辑',
      password: PASSWORD,
      grants: [{ role: 'editor', orgId: f.orgs.sub }],
    })
    const login = await f.call('POST', '/api/auth/login', {
      body: { email: 'sub-editor@example.org', password: PASSWORD },
    })
    const subEditor = login.body.token as string
    const committee = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { units: { ids: [f.orgs.branch1, f.orgs.branch3] } }),
    })
    const subs = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions),
    })
    expect([committee.status, subs.status]).toEqual([201, 201])
    const id = committee.body.id as number
    const readers = {
      admin: tokens.admin,
      editor: tokens.editor,
      subEditor,
      assessor: tokens.assessor,
      secretary: tokens.secretary,
    }
    const seen: Record<string, unknown> = {}
    const verified: Record<string, number> = {}
    for (const [who, token] of Object.entries(readers)) {
      const detail = await f.call('GET', `/api/campaigns/${id}`, { token })
      expect(detail.status, who).toBe(200)
      seen[who] = detail.body.canManage
      const check = await f.call('GET', `/api/campaigns/${id}/aggregates/verify`, { token })
      verified[who] = check.status
    }
    expect(seen).toEqual({
      admin: true,
      editor: true,
      subEditor: false,
      assessor: false,
      secretary: false,
    })
    expect(verified).toEqual({
      admin: 200,
      editor: 200,
      subEditor: 403,
      assessor: 403,
      secretary: 403,
    })
    const own = await f.call('GET', `/api/campaigns/${subs.body.id}`, { token: subEditor })
    expect(own.body.canManage).toBe(true)
    const changed = await f.call('PATCH', `/api/campaigns/${id}`, {
      token: tokens.admin,
      body: { name: '已改名' },
    })
    expect(changed.body).toMatchObject({ name: '已改名', canManage: true })
  })

  it('lists the campaigns each user reaches, paginated', async () => {
    const other = await f.call('POST', '/api/campaigns', {
      token: tokens.admin,
      body: campaignBody(f, versions, { units: { subtree: f.orgs.otherSub } }),
    })
    const all = await f.call('GET', '/api/campaigns?limit=100', { token: tokens.admin })
    expect(all.body.total).toBeGreaterThanOrEqual(3)
    const first = await f.call('GET', '/api/campaigns?limit=1', { token: tokens.admin })
    expect(first.body.items).toEqual([all.body.items[0]])
    const byOffset = await f.call('GET', '/api/campaigns?limit=1&offset=1', { token: tokens.admin })
    expect(byOffset.body).toMatchObject({ total: all.body.total, nextOffset: 2 })
    expect(byOffset.body.items).toEqual([all.body.items[1]])
    const next = `/api/campaigns?limit=1&cursor=${first.body.nextCursor}`
    const byCursor = await f.call('GET', next, { token: tokens.admin })
    expect(byCursor.body.items).toEqual([all.body.items[1]])
    const secretary = await f.call('GET', '/api/campaigns?limit=100', { token: tokens.secretary })
    const seen = secretary.body.items.map((c: { id: number }) => c.id)
    expect(seen).not.toContain(other.body.id)
    expect(seen.length).toBeGreaterThan(0)
    const outsider = await f.call('GET', '/api/campaigns', { token: tokens.outsider })
    expect(outsider.body).toMatchObject({ items: [], total: 0 })
    const hidden = await f.call('GET', `/api/campaigns/${other.body.id}`, {
      token: tokens.secretary,
    })
    expect(hidden.status).toBe(404)
  })

  it('lists links for managers in full and for a secretary only their branch, filtered', async () => {
    const { id } = await openCampaign(f, campaignBody(f, versions))
    const all = await f.call('GET', `/api/campaigns/${id}/links`, { token: tokens.editor })
    expect(all.body.total).toBe(4)
    const paged = await f.call('GET', `/api/campaigns/${id}/links?limit=3&offset=3`, {
      token: tokens.editor,
    })
    expect(paged.body).toMatchObject({ items: [all.body.items[3]], nextOffset: null })
    const members = await f.call(
      'GET',
      `/api/campaigns/${id}/links?source=members&unitId=${f.orgs.branch2}`,
      { token: tokens.editor },
    )
    expect(members.body.items).toEqual([
      expect.objectContaining({
        unitId: f.orgs.branch2,
        source: 'members',
        unitName: '第二党支部',
      }),
    ])
    expect(members.body.items[0].path).toBe(`/s/${members.body.items[0].slug}`)
    const secretary = await f.call('GET', `/api/campaigns/${id}/links`, { token: tokens.secretary })
    expect(secretary.body.items.map((l: { unitId: number }) => l.unitId)).toEqual([
      f.orgs.branch1,
      f.orgs.branch1,
    ])
    const reviewer = await f.call('GET', `/api/campaigns/${id}/links`, { token: tokens.reviewer })
    expect(reviewer.body.total).toBe(0)
  })

  it('moves draft → open → closed, and only an admin reopens', async () => {
    const created = await f.call('POST', '/api/campaigns', {
      token: tokens.editor,
      body: campaignBody(f, versions),
    })
    const id = created.body.id
    const move = (action: string, token: string) =>
      f.call('POST', `/api/campaigns/${id}/${action}`, { token })
    const early = await move('close', tokens.editor)
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({
      code: 'invalidTransition',
      details: { from: 'draft' },
    })
    expect((await move('open', tokens.assessor)).status).toBe(403)
    expect((await move('open', tokens.editor)).body).toEqual({ id, status: 'open' })
    expect((await move('open', tokens.editor)).status).toBe(409)
    expect((await move('close', tokens.editor)).body).toEqual({ id, status: 'closed' })
    const reopen = await move('open', tokens.editor)
    expect(reopen.status).toBe(403)
    expect((await move('open', tokens.admin)).body).toEqual({ id, status: 'open' })
    const detail = await f.call('GET', `/api/campaigns/${id}`, { token: tokens.admin })
    expect(detail.body).toMatchObject({ status: 'open', accepting: true })
  })

  it('issues one-time tokens as JSON and stores only their hashes', async () => {
    const { id } = await openCampaign(f, campaignBody(f, versions))
    const { status, body } = await f.call('POST', `/api/campaigns/${id}/tokens`, {
      token: tokens.editor,
      body: { unitId: f.orgs.branch1, source: 'members', count: 5 },
    })
    expect(status).toBe(201)
    expect(body.tokens).toHaveLength(5)
    expect(new Set(body.tokens).size).toBe(5)
    for (const token of body.tokens) expect(token).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/)
    const rows = await f.database.db
      .select()
      .from(schema.respondentTokens)
      .where(eq(schema.respondentTokens.campaignId, id))
    expect(rows.map((r) => r.tokenHash).sort()).toEqual(
      body.tokens.map((t: string) => hashRespondentToken(t)).sort(),
    )
    expect(JSON.stringify(rows)).not.toContain(body.tokens[0])
  })

  it('issues tokens as CSV rows of token and respondent URL, and as printable slips with QR codes', async () => {
    const { id, slug } = await openCampaign(f, campaignBody(f, versions))
    // Behind a reverse proxy, the URLs are the ones people reach.
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'ys.example.cn' }
    const csv = await f.call('POST', `/api/campaigns/${id}/tokens`, {
      token: tokens.admin,
      headers: { accept: 'text/csv', ...proxied },
      body: { unitId: f.orgs.branch2, source: 'members', count: 3 },
    })
    expect(csv.status).toBe(201)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const lines = (csv.body as string).trim().split('\r\n')
    expect(lines[0]).toBe('token,link')
    expect(lines).toHaveLength(4)
    const [token, link] = (lines[1] as string).split(',')
    expect(link).toBe(`https://ys.example.cn/s/${slug(f.orgs.branch2, 'members')}?token=${token}`)
    const html = await f.call('POST', `/api/campaigns/${id}/tokens`, {
      token: tokens.admin,
      headers: { accept: 'text/html' },
      body: { unitId: f.orgs.branch2, source: 'members', count: 9 },
    })
    expect(html.headers.get('content-type')).toContain('text/html')
    const page = html.body as string
    expect(page).toContain('第二党支部')
    expect(page.match(/class="slip"/g)).toHaveLength(9)
    expect(page.match(/<svg /g)).toHaveLength(9)
    expect(page).toContain('@page { size: A4')
    // Eight slips to an A4 sheet.
    expect(page.match(/<section class="page">/g)).toHaveLength(2)
    expect(page).toContain(`http://localhost/s/${slug(f.orgs.branch2, 'members')}?token=`)
  })

  it('refuses tokens to non-managers, over 1000 at once, and for other sources or units', async () => {
    const { id } = await openCampaign(f, campaignBody(f, versions))
    const ask = (token: string, body: unknown) =>
      f.call('POST', `/api/campaigns/${id}/tokens`, { token, body })
    const ok = { unitId: f.orgs.branch1, source: 'members', count: 1 }
    expect((await ask(tokens.secretary, ok)).status).toBe(403)
    expect((await ask(tokens.assessor, ok)).status).toBe(403)
    expect((await ask(tokens.admin, { ...ok, count: 1001 })).status).toBe(400)
    expect((await ask(tokens.admin, { ...ok, source: 'superior' })).status).toBe(400)
    expect((await ask(tokens.admin, { ...ok, unitId: f.orgs.branch3 })).status).toBe(404)
  })

  it('describes every campaign route in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/campaigns',
        '/api/campaigns/{id}',
        '/api/campaigns/{id}/links',
        '/api/campaigns/{id}/open',
        '/api/campaigns/{id}/close',
        '/api/campaigns/{id}/tokens',
      ]),
    )
    expect(spec.paths['/api/campaigns'].post.summary).toMatch(/创建测评活动/)
  })
})
