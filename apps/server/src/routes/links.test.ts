import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { compileForm, templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  drawnByView,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'

const PORTAL = 'https://portal.example.gov.cn'

describe.each(await testStores())('respondent links on %s', (kind) => {
  let f: Fixture
  let versions: { members: number; superior: number; self: number; quiz: number }
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  let anonymous: Awaited<ReturnType<typeof openCampaign>>
  const answers = completeAnswers(templates.satisfaction, 'satisfied')
  let keys = 0
  const key = () => `key-${++keys}`
  const submit = (
    slug: string,
    body: unknown,
    headers: Record<string, string> = {},
    token?: string,
  ) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body,
      token,
      headers: { 'idempotency-key': key(), ...headers },
    })
  const issue = async (c: typeof campaign, count: number, unitId = f.orgs.branch1) => {
    const { body } = await f.call('POST', `/api/campaigns/${c.id}/tokens`, {
      token: c.admin,
      body: { unitId, source: 'members', count },
    })
    return body.tokens as string[]
  }
  const rowsOf = (campaignId: number) =>
    f.database.db.select().from(schema.responses).where(eq(schema.responses.campaignId, campaignId))

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
      self: await publishTemplate(f, 'selfCheck'),
      quiz: await publishTemplate(f, 'quiz'),
    }
    campaign = await openCampaign(f, campaignBody(f, versions, { allowedOrigins: [PORTAL] }))
    anonymous = await openCampaign(
      f,
      campaignBody(f, versions, {
        sources: [{ key: 'members', formVersion: versions.members, weight: 1, anonymous: true }],
      }),
    )
  })
  afterAll(() => f.close())

  it('shows the form behind a link with what the link needs', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const { status, body } = await f.call('GET', `/api/links/${slug}`)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      campaign: { id: campaign.id, name: '2025年度综合评定', status: 'open', accepting: true },
      unit: { id: f.orgs.branch1, name: '第一党支部' },
      source: 'members',
      anonymous: false,
      needsToken: false,
      showScore: false,
      form: { kind: 'satisfaction' },
    })
    const anon = await f.call('GET', `/api/links/${anonymous.slug(f.orgs.branch1, 'members')}`)
    expect(anon.body).toMatchObject({ anonymous: true, needsToken: true })
  })

  it('shows the score only where the campaign allows it, whatever the form kind', async () => {
    const sources = (formVersion: number) => [
      { key: 'members', formVersion, weight: 1, anonymous: true },
    ]
    const quietQuiz = await openCampaign(
      f,
      campaignBody(f, versions, { sources: sources(versions.quiz) }),
    )
    const slug = quietQuiz.slug(f.orgs.branch1, 'members')
    const [token] = await issue(quietQuiz, 1)
    const view = await f.call('GET', `/api/links/${slug}?token=${token}`)
    expect(view.status).toBe(200)
    expect(view.body).toMatchObject({ form: { kind: 'quiz' }, showScore: false })
    const scoredSurvey = await openCampaign(f, campaignBody(f, versions, { showScore: true }))
    const shown = await f.call('GET', `/api/links/${scoredSurvey.slug(f.orgs.branch1, 'members')}`)
    expect(shown.body).toMatchObject({ form: { kind: 'satisfaction' }, showScore: true })
  })

  it('answers 404 for an unknown slug', async () => {
    const { status, body } = await f.call('GET', '/api/links/no-such-link')
    expect(status).toBe(404)
    expect(body.error.code).toBe('notFound')
    expect((await submit('no-such-link', { answers })).status).toBe(404)
  })

  it('stores a response with its score and answers 201 with the id (the score only where shown)', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const { status, body } = await submit(slug, { answers })
    expect(status).toBe(201)
    // This campaign does not show respondents their score (links-respondent.test.ts).
    expect(body).toEqual({ id: expect.any(Number) })
    const [row] = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.id, body.id))
    expect(row).toMatchObject({
      campaignId: campaign.id,
      unitId: f.orgs.branch1,
      sourceKey: 'members',
      formVersionId: versions.members,
      percent: 100,
      satisfied: 10,
      answered: 10,
      veto: false,
      answers,
      respondentId: null,
    })
  })

  it('answers a retry with the same Idempotency-Key with the first result and stores one row', async () => {
    const slug = campaign.slug(f.orgs.branch2, 'members')
    const headers = { 'idempotency-key': 'retry-once' }
    const first = await submit(slug, { answers }, headers)
    // The same request again (another body under the key is refused: links-idempotency.test.ts).
    const second = await submit(slug, { answers }, headers)
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body).toEqual(first.body)
    const rows = (await rowsOf(campaign.id)).filter(
      (r) => r.idempotencyKey === `${slug}:retry-once`,
    )
    expect(rows).toHaveLength(1)
  })

  it('stores 20 concurrent submissions with distinct keys, each acknowledged with its own id', async () => {
    const slug = campaign.slug(f.orgs.branch2, 'members')
    const before = (await rowsOf(campaign.id)).length
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(slug, { answers })))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const ids = results.map((r) => r.body.id)
    expect(new Set(ids).size).toBe(20)
    const rows = await rowsOf(campaign.id)
    expect(rows.length).toBe(before + 20)
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(ids))
  })

  it('stores 10 concurrent submissions with the same key once, all answered with the same id', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const headers = { 'idempotency-key': 'same-ten' }
    const results = await Promise.all(
      Array.from({ length: 10 }, () => submit(slug, { answers }, headers)),
    )
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 200)).toHaveLength(9)
    const rows = (await rowsOf(campaign.id)).filter((r) => r.idempotencyKey === `${slug}:same-ten`)
    expect(rows).toHaveLength(1)
  })

  it('requires an Idempotency-Key of at most 200 characters', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const missing = await f.call('POST', `/api/links/${slug}/responses`, { body: { answers } })
    expect(missing.status).toBe(400)
    expect(missing.body.error.message).toContain('Idempotency-Key')
    const long = await submit(slug, { answers }, { 'idempotency-key': 'k'.repeat(201) })
    expect(long.status).toBe(400)
  })

  it('refuses invalid answers with 422, naming the question, and stores nothing', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const before = (await rowsOf(campaign.id)).length
    const { status, body } = await submit(slug, { answers: { ...answers, theoryStudy: 'great' } })
    expect(status).toBe(422)
    expect(body.error.code).toBe('invalidAnswers')
    expect(body.error.details.errors).toEqual([
      expect.objectContaining({ question: 'theoryStudy', code: 'notAChoice' }),
    ])
    const english = await submit(slug, { answers: {} }, { 'accept-language': 'en-GB,en' })
    expect(english.body.error.details.errors[0].message).toMatch(/required/i)
    expect((await rowsOf(campaign.id)).length).toBe(before)
  })

  it('refuses a 2 MiB body with 413', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const { status, body } = await submit(slug, {
      answers: { ...answers, theoryStudy: 'x'.repeat(2 * 1024 * 1024) },
    })
    expect(status).toBe(413)
    expect(body.error.code).toBe('payloadTooLarge')
  })

  it('refuses responses to a closed campaign with 409 campaignNotOpen, but replays earlier ones', async () => {
    const closing = await openCampaign(f, campaignBody(f, versions))
    const slug = closing.slug(f.orgs.branch1, 'members')
    const headers = { 'idempotency-key': 'before-close' }
    const stored = await submit(slug, { answers }, headers)
    expect(stored.status).toBe(201)
    await f.call('POST', `/api/campaigns/${closing.id}/close`, { token: closing.admin })
    const late = await submit(slug, { answers })
    expect(late.status).toBe(409)
    expect(late.body.error).toMatchObject({
      code: 'campaignNotOpen',
      details: { status: 'closed' },
    })
    const retry = await submit(slug, { answers }, headers)
    expect(retry.status).toBe(200)
    expect(retry.body.id).toBe(stored.body.id)
    expect(await rowsOf(closing.id)).toHaveLength(1)
  })

  it('refuses responses before the campaign opens', async () => {
    const later = await openCampaign(
      f,
      campaignBody(f, versions, {
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      }),
    )
    const { status, body } = await submit(later.slug(f.orgs.branch1, 'members'), { answers })
    expect(status).toBe(409)
    expect(body.error.code).toBe('campaignNotOpen')
  })

  it('needs a token for an anonymous source: missing 401, unknown 401, used 409', async () => {
    const slug = anonymous.slug(f.orgs.branch1, 'members')
    const none = await submit(slug, { answers })
    expect(none.status).toBe(401)
    expect(none.body.error.code).toBe('tokenRequired')
    const unknown = await submit(slug, { answers, token: 'AAAA-BBBB-CCCC-DDDD' })
    expect(unknown.status).toBe(401)
    expect(unknown.body.error.code).toBe('tokenInvalid')
    const [token] = await issue(anonymous, 1)
    expect((await submit(slug, { answers, token })).status).toBe(201)
    const again = await submit(slug, { answers, token })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('tokenUsed')
    const view = await f.call('GET', `/api/links/${slug}?token=${token}`)
    expect(view.status).toBe(409)
  })

  it('replays a retry of a token’s own submission, and refuses another submission with the token', async () => {
    // The embed: a retry after a lost answer reuses its Idempotency-Key; a second tab has its own.
    const slug = anonymous.slug(f.orgs.branch1, 'members')
    const [token] = await issue(anonymous, 1)
    const before = (await rowsOf(anonymous.id)).length
    const first = await submit(slug, { answers, token }, { 'idempotency-key': `tab-1-${token}` })
    expect(first.status).toBe(201)
    const retry = await submit(slug, { answers, token }, { 'idempotency-key': `tab-1-${token}` })
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    expect(retry.body.id).toBe(first.body.id)
    const secondTab = await submit(
      slug,
      { answers, token },
      { 'idempotency-key': `tab-2-${token}` },
    )
    expect(secondTab.status).toBe(409)
    expect(secondTab.body.error).toMatchObject({
      code: 'tokenUsed',
      message: 'This token has already been used to answer',
    })
    expect((await rowsOf(anonymous.id)).length).toBe(before + 1)
  })

  it('refuses a token of another branch’s link', async () => {
    const [token] = await issue(anonymous, 1, f.orgs.branch2)
    const slug = anonymous.slug(f.orgs.branch1, 'members')
    const { status, body } = await submit(slug, { answers, token })
    expect(status).toBe(401)
    expect(body.error.code).toBe('tokenInvalid')
    const other = await submit(anonymous.slug(f.orgs.branch2, 'members'), { answers, token })
    expect(other.status).toBe(201)
  })

  it('stores an anonymous response with no reference to its token or respondent', async () => {
    const slug = anonymous.slug(f.orgs.branch2, 'members')
    const [token] = await issue(anonymous, 1, f.orgs.branch2)
    const secretary = await f.login('secretary')
    const { body } = await submit(slug, { answers, token: token?.toLowerCase() }, {}, secretary)
    const [row] = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.id, body.id))
    expect(row?.respondentId).toBeNull()
    const [tokenRow] = await f.database.db
      .select()
      .from(schema.respondentTokens)
      .where(eq(schema.respondentTokens.campaignId, anonymous.id))
      .orderBy(schema.respondentTokens.id)
      .offset(2)
    const stored = JSON.stringify(row)
    expect(stored).not.toContain(String(token))
    expect(stored).not.toContain(String(tokenRow?.tokenHash))
    expect(Object.keys(row ?? {})).not.toEqual(expect.arrayContaining(['tokenId']))
    // The token keeps only the day of its use, so times cannot pair it with the response.
    expect(tokenRow?.usedAt?.getTime()).toBe(
      new Date(new Date(tokenRow?.usedAt as Date).setUTCHours(0, 0, 0, 0)).getTime(),
    )
  })

  it('records the signed-in respondent of a non-anonymous source', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'members')
    const secretary = await f.login('secretary')
    const { body } = await submit(slug, { answers }, {}, secretary)
    const [row] = await f.database.db
      .select()
      .from(schema.responses)
      .where(eq(schema.responses.id, body.id))
    expect(row?.respondentId).toBe(f.users.secretary.id)
  })

  it('takes a superior scorecard only from an assessor or admin reaching the branch', async () => {
    const slug = campaign.slug(f.orgs.branch1, 'superior')
    const scorecard = completeAnswers(templates.scorecard)
    expect((await submit(slug, { answers: scorecard })).status).toBe(401)
    for (const who of ['secretary', 'editor', 'outsider'] as const) {
      const { status } = await submit(slug, { answers: scorecard }, {}, await f.login(who))
      expect(status, who).toBe(403)
    }
    const assessor = await submit(slug, { answers: scorecard }, {}, await f.login('assessor'))
    expect(assessor.status).toBe(201)
    const admin = await submit(slug, { answers: scorecard }, {}, await f.login('admin'))
    expect(admin.status).toBe(201)
  })

  it('sends self-checks to the self-check workflow with 409', async () => {
    const withSelf = await openCampaign(
      f,
      campaignBody(f, { members: versions.members, self: versions.self }),
    )
    const slug = withSelf.slug(f.orgs.branch1, 'self')
    const { status, body } = await submit(slug, { answers: {} }, {}, await f.login('secretary'))
    expect(status).toBe(409)
    expect(body.error.message).toContain('self-check workflow')
    expect(body.error.details.workflow).toBe(
      `/api/campaigns/${withSelf.id}/self-checks/${f.orgs.branch1}`,
    )
  })

  describe('a quiz', () => {
    let quiz: Awaited<ReturnType<typeof openCampaign>>
    let slug: string
    beforeAll(async () => {
      quiz = await openCampaign(
        f,
        campaignBody(f, versions, {
          sources: [{ key: 'members', formVersion: versions.quiz, weight: 1, anonymous: true }],
          showScore: true,
        }),
      )
      slug = quiz.slug(f.orgs.branch1, 'members')
    })

    it('is personalised by the token: 30 drawn questions, the same for the same token', async () => {
      const [token, other] = await issue(quiz, 2)
      const view = await f.call('GET', `/api/links/${slug}?token=${token}`)
      expect(view.status).toBe(200)
      const names = (view.body.form.pages as Array<{ elements: Array<{ name: string }> }>)
        .flatMap((page) => page.elements.map((e) => e.name))
        .filter((name) => name !== 'respondentName')
      expect(names).toHaveLength(30)
      expect(names).toEqual(await drawnByView(f, slug, String(token)))
      const again = await f.call('GET', `/api/links/${slug}?token=${token}`)
      expect(again.body.form).toEqual(view.body.form)
      // This campaign lets members see their score: the embed shows it after submitting.
      expect(view.body.showScore).toBe(true)
      const theirs = await f.call('GET', `/api/links/${slug}?token=${other}`)
      expect(theirs.body.form).not.toEqual(view.body.form)
    })

    it('needs a token to be shown, and refuses an unknown one', async () => {
      const none = await f.call('GET', `/api/links/${slug}`)
      expect(none.status).toBe(401)
      expect(none.body.error.code).toBe('tokenRequired')
      const unknown = await f.call('GET', `/api/links/${slug}?token=ZZZZ-ZZZZ-ZZZZ-ZZZZ`)
      expect(unknown.status).toBe(401)
      expect(unknown.body.error.code).toBe('tokenInvalid')
    })

    it('refuses an answer to a question the token did not draw, and scores the drawn ones', async () => {
      const [token] = await issue(quiz, 1)
      const drawn = new Set(await drawnByView(f, slug, String(token)))
      const plan = compileForm(templates.quiz)
      const undrawn = plan.questions.find((q) => q.mode === 'quiz' && !drawn.has(q.name))
      const picked = plan.questions.filter((q) => drawn.has(q.name))
      const correct = Object.fromEntries(picked.map((q) => [q.name, q.correctAnswer]))
      const bad = await submit(slug, {
        answers: { ...correct, [String(undrawn?.name)]: 'A' },
        token,
      })
      expect(bad.status).toBe(422)
      expect(bad.body.error.details.errors).toEqual([
        expect.objectContaining({ question: undrawn?.name, code: 'notDrawn' }),
      ])
      const good = await submit(slug, { answers: correct, token })
      expect(good.status).toBe(201)
      expect(good.body.score).toMatchObject({ percent: 100, quiz: { correct: 30, drawn: 30 } })
    })
  })

  describe('cross-origin', () => {
    it('answers an allowed portal origin with access-control-allow-origin, preflight included', async () => {
      const slug = campaign.slug(f.orgs.branch1, 'members')
      const preflight = await f.app.request(`/api/links/${slug}/responses`, {
        method: 'OPTIONS',
        headers: {
          origin: PORTAL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, idempotency-key',
        },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL)
      expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key')
      const posted = await submit(slug, { answers }, { origin: PORTAL })
      expect(posted.status).toBe(201)
      expect(posted.headers.get('access-control-allow-origin')).toBe(PORTAL)
      const refused = await submit(slug, { answers: {} }, { origin: PORTAL })
      expect(refused.status).toBe(422)
      expect(refused.headers.get('access-control-allow-origin')).toBe(PORTAL)
      const view = await f.call('GET', `/api/links/${slug}`, { headers: { origin: PORTAL } })
      expect(view.headers.get('access-control-allow-origin')).toBe(PORTAL)
      expect(view.headers.get('vary')).toBe('Origin')
    })

    it('lets only the server and the allowed portals frame a link (CSP frame-ancestors)', async () => {
      const slug = campaign.slug(f.orgs.branch1, 'members')
      const csp = `frame-ancestors 'self' ${PORTAL}`
      const portal = await f.call('GET', `/api/links/${slug}`, { headers: { origin: PORTAL } })
      expect(portal.headers.get('content-security-policy')).toBe(csp)
      const direct = await f.call('GET', `/api/links/${slug}`)
      expect(direct.headers.get('content-security-policy')).toBe(csp)
      const posted = await submit(slug, { answers }, { origin: PORTAL })
      expect(posted.headers.get('content-security-policy')).toBe(csp)
      // A campaign without allowed origins may be framed by the server alone.
      const anon = anonymous.slug(f.orgs.branch1, 'members')
      const own = await f.call('GET', `/api/links/${anon}`)
      expect(own.headers.get('content-security-policy')).toBe("frame-ancestors 'self'")
    })

    it('refuses any other origin with 403 originNotAllowed and no CORS headers', async () => {
      const slug = campaign.slug(f.orgs.branch1, 'members')
      const before = (await rowsOf(campaign.id)).length
      const evil = 'https://evil.example.com'
      const posted = await submit(slug, { answers }, { origin: evil })
      expect(posted.status).toBe(403)
      expect(posted.body.error.code).toBe('originNotAllowed')
      expect(posted.headers.get('access-control-allow-origin')).toBeNull()
      const preflight = await f.app.request(`/api/links/${slug}/responses`, {
        method: 'OPTIONS',
        headers: { origin: evil, 'access-control-request-method': 'POST' },
      })
      expect(preflight.status).toBe(403)
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      expect((await rowsOf(campaign.id)).length).toBe(before)
      // Another campaign's portal is not this one's.
      const anon = anonymous.slug(f.orgs.branch1, 'members')
      const view = await f.call('GET', `/api/links/${anon}`, { headers: { origin: PORTAL } })
      expect(view.status).toBe(403)
    })

    it('treats a request from the server’s own origin as same-origin', async () => {
      const slug = campaign.slug(f.orgs.branch1, 'members')
      const own = await submit(slug, { answers }, { origin: 'http://localhost', host: 'localhost' })
      expect(own.status).toBe(201)
      expect(own.headers.get('access-control-allow-origin')).toBeNull()
    })
  })

  it('describes the link routes in OpenAPI', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(spec.paths['/api/links/{slug}'].get.summary).toMatch(/答题链接/)
    const post = spec.paths['/api/links/{slug}/responses'].post
    expect(post.parameters.map((p: { name: string }) => p.name)).toContain('idempotency-key')
  })
})
