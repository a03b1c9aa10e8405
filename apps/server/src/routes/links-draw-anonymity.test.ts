import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { compileForm, drawQuestions, templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { hashRespondentToken } from '../campaigns/secrets'
import { campaignBody, drawnByView, openCampaign, publishTemplate } from '../campaigns/test-fixture'

const RESPONDENTS = 12

/**
 * Whoever issued the tokens holds them all and, with the results, the answers stored: if the
 * draw could be recomputed from a token, the questions a response answered would name its token
 * (and so its member). The draw is seeded by a random value kept on the server instead.
 */
describe.each(await testStores())('an anonymous quiz draw on %s', (kind) => {
  let f: Fixture
  let quiz: Awaited<ReturnType<typeof openCampaign>>
  let slug: string
  let tokens: string[]
  const plan = compileForm(templates.quiz)
  const sameSet = (a: Iterable<string>, b: Iterable<string>) =>
    JSON.stringify([...a].sort()) === JSON.stringify([...b].sort())

  beforeAll(async () => {
    f = await createFixture(kind)
    const version = await publishTemplate(f, 'quiz')
    quiz = await openCampaign(
      f,
      campaignBody(
        f,
        { members: version },
        {
          showScore: true,
          sources: [{ key: 'members', formVersion: version, weight: 1, anonymous: true }],
        },
      ),
    )
    slug = quiz.slug(f.orgs.branch1, 'members')
    const issued = await f.call('POST', `/api/campaigns/${quiz.id}/tokens`, {
      token: quiz.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: RESPONDENTS },
    })
    tokens = issued.body.tokens
  })
  afterAll(() => f.close())

  it('cannot be recomputed from the token, yet stays the same for the token’s retries', async () => {
    const viewed = new Map<string, string[]>()
    for (const token of tokens) {
      const drawn = await drawnByView(f, slug, token)
      expect(drawn).toHaveLength(30)
      // A reload, a second tab: the same questions.
      expect(await drawnByView(f, slug, token)).toEqual(drawn)
      viewed.set(token, drawn)
      const answers = Object.fromEntries(drawn.map((n) => [n, plan.byName.get(n)?.correctAnswer]))
      const key = `anon-${token}`
      const stored = await f.call('POST', `/api/links/${slug}/responses`, {
        body: { answers, token },
        headers: { 'idempotency-key': key },
      })
      expect(stored.status).toBe(201)
      expect(stored.body.score).toMatchObject({ percent: 100, quiz: { correct: 30, drawn: 30 } })
      // A retry after the token was used is told the same, its review included.
      const retry = await f.call('POST', `/api/links/${slug}/responses`, {
        body: { answers, token },
        headers: { 'idempotency-key': key },
      })
      expect(retry.status).toBe(200)
      expect(retry.body).toEqual(stored.body)
    }

    // The issuer's attempt: recompute each token's draw and look for it among the responses.
    const rows = await f.database.db
      .select({ answers: schema.responses.answers, drawSeed: schema.responses.drawSeed })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, quiz.id))
    expect(rows).toHaveLength(RESPONDENTS)
    const answered = rows.map((row) => Object.keys(row.answers as object))
    let matched = 0
    for (const token of tokens) {
      const recomputed = drawQuestions(templates.quiz, token)
      if (answered.some((names) => sameSet(names, recomputed))) matched++
      // What the respondent was shown is what they answered, yet not what the token gives.
      expect(sameSet(viewed.get(token) ?? [], recomputed)).toBe(false)
    }
    expect(matched).toBe(0)

    // Nothing left ties a token to a draw: used tokens keep no seed, and the seed stored with a
    // response is neither the token nor its hash.
    const tokenRows = await f.database.db
      .select({ seed: schema.respondentTokens.drawSeed, usedAt: schema.respondentTokens.usedAt })
      .from(schema.respondentTokens)
      .where(eq(schema.respondentTokens.campaignId, quiz.id))
    expect(tokenRows.every((row) => row.usedAt !== null && row.seed === null)).toBe(true)
    const fromTokens = new Set(tokens.flatMap((t) => [t, hashRespondentToken(t)]))
    for (const row of rows) {
      expect(row.drawSeed).toEqual(expect.any(String))
      expect(fromTokens.has(String(row.drawSeed))).toBe(false)
    }
  })
})
