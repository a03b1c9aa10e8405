import { createHash } from 'node:crypto'
import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { compileForm, type FormJson, templates } from '@yardstick/sdk'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  drawnByView,
  openCampaign,
  publishFormJson,
  publishSourceTemplates,
} from '../campaigns/test-fixture'

const questionNames = (form: FormJson) =>
  (form.pages ?? []).flatMap((page) => (page.elements ?? []).map((e) => e.name))

describe.each(await testStores())('the respondent’s side of links on %s', (kind) => {
  let f: Fixture
  let versions: Record<'members' | 'superior' | 'quiz' | 'peer' | 'requiredQuiz', number>
  let keys = 0
  const submit = (slug: string, body: unknown, options: { key?: string; session?: string } = {}) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body,
      token: options.session,
      headers: { 'idempotency-key': options.key ?? `respondent-${++keys}` },
    })
  const start = (slug: string, body: unknown = {}, session?: string) =>
    f.call('POST', `/api/links/${slug}/attempts`, { body, token: session })
  const issue = async (c: { id: number; admin: string }, count: number) => {
    const { body } = await f.call('POST', `/api/campaigns/${c.id}/tokens`, {
      token: c.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count },
    })
    return body.tokens as string[]
  }
  const quizSources = (formVersion: number, anonymous = true) => [
    { key: 'members', formVersion, weight: 1, anonymous },
  ]
  /** Submits no answers, with a fresh token, to a new campaign whose members answer `formVersion`. */
  const submitBlank = async (formVersion: number) => {
    const campaign = await openCampaign(
      f,
      campaignBody(f, versions, { sources: quizSources(formVersion) }),
    )
    const [token] = await issue(campaign, 1)
    return submit(campaign.slug(f.orgs.branch1, 'members'), { answers: {}, token })
  }
  /** Moves a respondent's start back, as if they had started `ms` ago. */
  const startedAgo = (slug: string, ms: number) =>
    f.database.db
      .update(schema.linkAttempts)
      .set({ startedAt: new Date(Date.now() - ms) })
      .where(eq(schema.linkAttempts.slug, slug))
  const responsesOf = (campaignId: number) =>
    f.database.db.select().from(schema.responses).where(eq(schema.responses.campaignId, campaignId))

  beforeAll(async () => {
    f = await createFixture(kind)
    // A quiz whose every question is required: what the countdown submits must still be taken.
    const required = structuredClone(templates.quiz)
    for (const page of required.pages ?? [])
      for (const element of page.elements ?? []) element.isRequired = true
    versions = {
      ...(await publishSourceTemplates(f)),
      requiredQuiz: await publishFormJson(f, required, {
        title: 'required quiz',
        hash: 'test-required-quiz',
      }),
    }
  })
  afterAll(() => f.close())

  describe('the link view', () => {
    // Which properties may go out, per element type: links-allow-list.test.ts.
    it('hands out no answer key, and still the respondent’s own questions', async () => {
      const surveys = await openCampaign(f, campaignBody(f, versions))
      const peer = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.peer, false) }),
      )
      const quiz = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.quiz), showScore: true }),
      )
      const [token] = await issue(quiz, 1)
      const views = [
        await f.call('GET', `/api/links/${surveys.slug(f.orgs.branch1, 'members')}`),
        await f.call('GET', `/api/links/${surveys.slug(f.orgs.branch1, 'superior')}`),
        await f.call('GET', `/api/links/${peer.slug(f.orgs.branch1, 'members')}`),
        await f.call('GET', `/api/links/${quiz.slug(f.orgs.branch1, 'members')}?token=${token}`),
      ]
      const kinds = views.map((view) => view.body.form.kind)
      expect(kinds).toEqual(['satisfaction', 'scorecard', templates.peerAppraisal.kind, 'quiz'])
      for (const view of views) expect(view.status).toBe(200)
      const quizView = views[3]?.body
      expect(JSON.stringify(quizView)).not.toContain('correctAnswer')
      // Still the respondent's own 30 questions, with their choices.
      expect(questionNames(quizView.form).filter((n) => n !== 'respondentName')).toEqual(
        await drawnByView(f, quiz.slug(f.orgs.branch1, 'members'), String(token)),
      )
      // Each with all its choices: the bank mixes four-choice and true/false questions, and which
      // come first is the token's draw.
      const bank = new Map(
        (templates.quiz.pages?.[1]?.elements ?? []).map((e) => [e.name, e.choices?.length]),
      )
      const drawn = quizView.form.pages[1].elements as Array<{ name: string; choices: unknown[] }>
      expect(drawn).toHaveLength(30)
      for (const element of drawn) {
        expect(element.choices, element.name).toHaveLength(bank.get(element.name) ?? -1)
      }
      // The scorecard keeps what an assessor's page shows and checks: points, deductions, vetoes.
      const scorecard = JSON.stringify(views[1]?.body.form)
      for (const name of ['"maxScore"', '"scoreKind"', '"veto"']) expect(scorecard).toContain(name)
    })

    it('leaves the stored form version whole: scoring still reads the answer key', async () => {
      const quiz = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.quiz), showScore: true }),
      )
      const slug = quiz.slug(f.orgs.branch1, 'members')
      const [token] = await issue(quiz, 1)
      const plan = compileForm(templates.quiz)
      const drawn = await drawnByView(f, slug, String(token))
      const answers = Object.fromEntries(drawn.map((n) => [n, plan.byName.get(n)?.correctAnswer]))
      const { status, body } = await submit(slug, { answers, token })
      expect(status).toBe(201)
      expect(body.score).toMatchObject({ percent: 100, quiz: { correct: 30, drawn: 30 } })
    })

    it('says whether the caller is signed in, on links that are not anonymous', async () => {
      const surveys = await openCampaign(f, campaignBody(f, versions))
      const superior = `/api/links/${surveys.slug(f.orgs.branch1, 'superior')}`
      const out = await f.call('GET', superior)
      expect(out.body).toMatchObject({ needsSignIn: true, signedIn: false, timeLimit: null })
      const assessor = await f.login('assessor')
      expect((await f.call('GET', superior, { token: assessor })).body.signedIn).toBe(true)
      expect((await f.call('GET', superior, { token: 'not-a-session' })).body.signedIn).toBe(false)
      const anonymous = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.members) }),
      )
      const anon = `/api/links/${anonymous.slug(f.orgs.branch1, 'members')}`
      // An anonymous link never looks at the session.
      expect((await f.call('GET', anon, { token: assessor })).body.signedIn).toBe(false)
    })
  })

  describe('the submission’s answer', () => {
    it('carries no score where the campaign does not show it, a retry included', async () => {
      const quiet = await openCampaign(f, campaignBody(f, versions))
      const slug = quiet.slug(f.orgs.branch1, 'members')
      const answers = completeAnswers(templates.satisfaction, 'satisfied')
      const first = await submit(slug, { answers }, { key: 'quiet-1' })
      expect(first.status).toBe(201)
      expect(first.body).toEqual({ id: expect.any(Number) })
      const retry = await submit(slug, { answers }, { key: 'quiet-1' })
      expect(retry.status).toBe(200)
      expect(retry.body).toEqual(first.body)
      // Stored with its score all the same: the office reads it in the results.
      const [row] = await responsesOf(quiet.id)
      expect(row?.percent).toBe(100)
    })

    it('carries the score where the campaign shows it, and no review for a survey', async () => {
      const shown = await openCampaign(f, campaignBody(f, versions, { showScore: true }))
      const answers = completeAnswers(templates.satisfaction, 'satisfied')
      const { body } = await submit(shown.slug(f.orgs.branch1, 'members'), { answers })
      expect(body.score).toMatchObject({ percent: 100, satisfaction: { rate: 1 } })
      expect(body).not.toHaveProperty('review')
    })

    it('carries a quiz’s correct answers for the drawn questions only where the score is shown', async () => {
      const shown = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.quiz), showScore: true }),
      )
      const slug = shown.slug(f.orgs.branch1, 'members')
      const [token] = await issue(shown, 1)
      const drawn = await drawnByView(f, slug, String(token))
      const plan = compileForm(templates.quiz)
      // Two single-choice questions of the draw (a checkbox's key is a list: 'A' would be refused).
      const [firstName, secondName] = drawn.filter(
        (name) => plan.byName.get(String(name))?.element.type === 'radiogroup',
      )
      const wrong = ['A', 'B', 'C', 'D'].find(
        (value) => value !== plan.byName.get(String(secondName))?.correctAnswer,
      )
      const answers = {
        [String(firstName)]: plan.byName.get(String(firstName))?.correctAnswer,
        [String(secondName)]: wrong,
      }
      const first = await submit(slug, { answers, token }, { key: 'review-1' })
      expect({
        status: first.status,
        answers,
        refusal: first.status === 201 ? null : first.body,
      }).toEqual({ status: 201, answers, refusal: null })
      expect(first.body.review).toHaveLength(30)
      expect(first.body.review.map((r: { question: string }) => r.question)).toEqual(drawn)
      const reviewOf = (name: unknown) =>
        first.body.review.find((r: { question: string }) => r.question === name)
      expect(reviewOf(firstName)).toEqual({
        question: firstName,
        correctAnswer: plan.byName.get(String(firstName))?.correctAnswer,
        correct: true,
        points: 1,
      })
      expect(reviewOf(secondName)).toMatchObject({ question: secondName, correct: false })
      expect(first.body.score).toMatchObject({ score: 1, quiz: { correct: 1, drawn: 30 } })
      // A retry (the page never heard back) is told the same, from the stored answers and the
      // draw seed stored with them (the token's own was cleared when it was used).
      const retry = await submit(slug, { answers, token }, { key: 'review-1' })
      expect(retry.status).toBe(200)
      expect(retry.body).toEqual(first.body)

      // Where the campaign keeps scores to the office, the respondent is told only the id.
      const hidden = await submitBlank(versions.quiz)
      expect(hidden.status).toBe(201)
      expect(hidden.body).toEqual({ id: expect.any(Number) })
    })
  })

  describe('a timed quiz', () => {
    let timed: Awaited<ReturnType<typeof openCampaign>>
    let slug: string
    beforeAll(async () => {
      timed = await openCampaign(
        f,
        campaignBody(f, versions, {
          sources: quizSources(versions.requiredQuiz),
          showScore: true,
          timeLimitMinutes: 20,
        }),
      )
      slug = timed.slug(f.orgs.branch1, 'members')
    })

    it('is created with its time limit through POST /api/campaigns', async () => {
      const { body } = await f.call('GET', `/api/campaigns/${timed.id}`, { token: timed.admin })
      expect(body.timeLimitMinutes).toBe(20)
      const bad = await f.call('POST', '/api/campaigns', {
        token: timed.admin,
        body: campaignBody(f, versions, { timeLimitMinutes: 0 }),
      })
      expect(bad.status).toBe(400)
    })

    it('shows no questions until started, then the countdown, started once per respondent', async () => {
      const [token] = await issue(timed, 1)
      const before = await f.call('GET', `/api/links/${slug}?token=${token}`)
      expect(before.status).toBe(200)
      expect(before.body.timeLimit).toEqual({
        minutes: 20,
        graceSeconds: 60,
        startedAt: null,
        endsAt: null,
        serverTime: expect.any(String),
        questionCount: 30,
      })
      expect(before.body.form.pages).toEqual([])
      expect(before.body.form.title).toEqual(templates.quiz.title)

      const started = await start(slug, { token })
      expect(started.status).toBe(200)
      const { startedAt, endsAt } = started.body.timeLimit
      expect(Date.parse(endsAt) - Date.parse(startedAt)).toBe(20 * 60_000)
      expect(Math.abs(Date.parse(startedAt) - Date.now())).toBeLessThan(60_000)
      expect(questionNames(started.body.form)).toHaveLength(31)

      // Idempotent: a reload or a second tab keeps the first start.
      const again = await start(slug, { token: String(token).toLowerCase().replace(/-/g, ' ') })
      expect(again.body.timeLimit.startedAt).toBe(startedAt)
      const view = await f.call('GET', `/api/links/${slug}?token=${token}`)
      expect(view.body.timeLimit).toMatchObject({ startedAt, endsAt })
      expect(view.body.form).toEqual(started.body.form)
      // Keyed by the token's hash: the token itself is never stored.
      const rows = await f.database.db
        .select()
        .from(schema.linkAttempts)
        .where(eq(schema.linkAttempts.slug, slug))
      expect(rows.map((r) => r.respondentKey)).toEqual([
        createHash('sha256').update(String(token)).digest('hex'),
      ])
    })

    it('refuses a submission whose countdown was never started', async () => {
      const [token] = await issue(timed, 1)
      const { status, body } = await submit(slug, { answers: {}, token })
      expect(status).toBe(409)
      expect(body.error).toMatchObject({ code: 'attemptNotStarted', details: { minutes: 20 } })
      expect((await responsesOf(timed.id)).length).toBe(0)
    })

    it('takes the answers as they stand when time is up: unanswered questions score 0', async () => {
      const [token] = await issue(timed, 1)
      await start(slug, { token })
      await startedAgo(slug, 20 * 60_000 + 30_000)
      const { status, body } = await submit(slug, { answers: {}, token })
      expect(status).toBe(201)
      expect(body.score).toMatchObject({ score: 0, quiz: { correct: 0, drawn: 30 } })
      expect(body.review).toHaveLength(30)
      // The same form without a time limit still requires every question.
      const refused = await submitBlank(versions.requiredQuiz)
      expect(refused.status).toBe(422)
      expect(refused.body.error.details.errors[0].code).toBe('required')
    })

    it('refuses answers after the end plus the grace, storing nothing, but replays one stored in time', async () => {
      const late = await openCampaign(
        f,
        campaignBody(f, versions, {
          sources: quizSources(versions.quiz),
          showScore: true,
          timeLimitMinutes: 5,
        }),
      )
      const lateSlug = late.slug(f.orgs.branch1, 'members')
      const [inTime, tooLate] = await issue(late, 2)
      await start(lateSlug, { token: inTime })
      const stored = await submit(lateSlug, { answers: {}, token: inTime }, { key: 'in-time' })
      expect(stored.status).toBe(201)
      await start(lateSlug, { token: tooLate })
      await startedAgo(lateSlug, 5 * 60_000 + 61_000)
      const refused = await submit(lateSlug, { answers: {}, token: tooLate })
      expect(refused.status).toBe(409)
      expect(refused.body.error.code).toBe('timeLimitExceeded')
      expect(refused.body.error.details.graceSeconds).toBe(60)
      const [attempt] = await f.database.db
        .select()
        .from(schema.linkAttempts)
        .where(
          and(
            eq(schema.linkAttempts.slug, lateSlug),
            eq(
              schema.linkAttempts.respondentKey,
              createHash('sha256').update(String(tooLate)).digest('hex'),
            ),
          ),
        )
      expect(Date.parse(refused.body.error.details.endsAt)).toBe(
        (attempt?.startedAt.getTime() ?? 0) + 5 * 60_000,
      )
      expect(await responsesOf(late.id)).toHaveLength(1)
      // The page never heard back from the first: its retry is answered with what was stored.
      const retry = await submit(lateSlug, { answers: {}, token: inTime }, { key: 'in-time' })
      expect(retry.status).toBe(200)
      expect(retry.body).toEqual(stored.body)
    })

    it('starts only for a usable token, or a signed-in respondent of a source that is not anonymous', async () => {
      const none = await start(slug, {})
      expect(none.status).toBe(401)
      expect(none.body.error.code).toBe('tokenRequired')
      const invalid = await start(slug, { token: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' })
      expect(invalid.body.error.code).toBe('tokenInvalid')
      const [used] = await issue(timed, 1)
      await start(slug, { token: used })
      expect((await submit(slug, { answers: {}, token: used })).status).toBe(201)
      const again = await start(slug, { token: used })
      expect(again.status).toBe(409)
      expect(again.body.error.code).toBe('tokenUsed')
      expect((await start('no-such-link', {})).status).toBe(404)

      const signed = await openCampaign(
        f,
        campaignBody(f, versions, {
          sources: quizSources(versions.quiz, false),
          timeLimitMinutes: 10,
        }),
      )
      const signedSlug = signed.slug(f.orgs.branch1, 'members')
      // Its draw needs a respondent too: the page offers a token or sign-in.
      const out = await start(signedSlug, {})
      expect(out.status).toBe(401)
      expect(out.body.error).toMatchObject({
        code: 'tokenRequired',
        details: { anonymous: false },
      })
      const secretary = await f.login('secretary')
      const mine = await start(signedSlug, {}, secretary)
      expect(mine.status).toBe(200)
      expect(mine.body.signedIn).toBe(true)
      const [row] = await f.database.db
        .select()
        .from(schema.linkAttempts)
        .where(eq(schema.linkAttempts.slug, signedSlug))
      expect(row?.respondentKey).toBe(`user:${f.users.secretary.id}`)
      const answered = await submit(signedSlug, { answers: {} }, { session: secretary })
      expect(answered.status).toBe(201)
      // Without a body at all, as a plain form post would send it.
      const bare = await f.call('POST', `/api/links/${signedSlug}/attempts`, { token: secretary })
      expect(bare.status).toBe(200)
    })

    it('does not start on a link without a time limit, or in a campaign not taking answers', async () => {
      const plain = await openCampaign(f, campaignBody(f, versions, { timeLimitMinutes: 10 }))
      const surveySlug = plain.slug(f.orgs.branch1, 'members')
      // A survey is never timed, whatever its campaign says.
      const view = await f.call('GET', `/api/links/${surveySlug}`)
      expect(view.body.timeLimit).toBeNull()
      expect((await start(surveySlug, {})).body.error.code).toBe('conflict')
      const answers = completeAnswers(templates.satisfaction)
      expect((await submit(surveySlug, { answers })).status).toBe(201)

      const closing = await openCampaign(
        f,
        campaignBody(f, versions, { sources: quizSources(versions.quiz), timeLimitMinutes: 10 }),
      )
      const [token] = await issue(closing, 1)
      await f.call('POST', `/api/campaigns/${closing.id}/close`, { token: closing.admin })
      const closed = await start(closing.slug(f.orgs.branch1, 'members'), { token })
      expect(closed.status).toBe(409)
      expect(closed.body.error).toMatchObject({
        code: 'campaignNotOpen',
        details: { status: 'closed' },
      })
      const count = await f.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.linkAttempts)
        .where(eq(schema.linkAttempts.slug, closing.slug(f.orgs.branch1, 'members')))
      expect(count[0]?.n).toBe(0)
    })

    it('states the grace in the OpenAPI description', async () => {
      const spec = (await f.call('GET', '/api/openapi.json')).body
      expect(spec.paths['/api/links/{slug}/responses'].post.description).toContain('60 seconds')
      expect(spec.paths['/api/links/{slug}/attempts'].post.summary).toMatch(/限时/)
    })
  })
})
