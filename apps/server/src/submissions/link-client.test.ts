import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { createLinkClient, type PendingStorage, templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'

// The SDK's link client (used by <yardstick-survey> and <YardstickSurvey link>) against the real
// app: its fetch is `app.request`, wrapped only to lose a request or an answer on purpose.

const SERVER = 'http://yardstick.test'

function memoryStorage(): PendingStorage & { keys(): string[] } {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    keys: () => [...items.keys()],
  }
}

describe.each(await testStores())('the SDK link client against the server on %s', (kind) => {
  let f: Fixture
  let campaign: Awaited<ReturnType<typeof openCampaign>>
  let slug: string
  const answers = completeAnswers(templates.satisfaction, 'satisfied')
  const appFetch: typeof fetch = (input, init) =>
    Promise.resolve(f.app.request(String(input), init))
  const issue = async () => {
    const { body } = await f.call('POST', `/api/campaigns/${campaign.id}/tokens`, {
      token: campaign.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 1 },
    })
    return String(body.tokens[0])
  }
  const stored = async () =>
    (
      await f.database.db
        .select()
        .from(schema.responses)
        .where(eq(schema.responses.campaignId, campaign.id))
    ).length

  beforeAll(async () => {
    f = await createFixture(kind)
    const members = await publishTemplate(f, 'satisfaction')
    campaign = await openCampaign(
      f,
      campaignBody(
        f,
        { members },
        {
          sources: [{ key: 'members', formVersion: members, weight: 1, anonymous: true }],
        },
      ),
    )
    slug = campaign.slug(f.orgs.branch1, 'members')
  })
  afterAll(() => f.close())

  it('reads the form behind a link, and a bad token as an error value', async () => {
    const token = await issue()
    const client = createLinkClient({
      server: SERVER,
      link: slug,
      token,
      fetch: appFetch,
      storage: null,
    })
    const view = await client.view()
    expect(view.ok && view.value).toMatchObject({
      needsToken: true,
      showScore: false,
      form: { kind: 'satisfaction' },
    })
    const bad = createLinkClient({
      server: SERVER,
      link: slug,
      token: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ',
      fetch: appFetch,
      storage: null,
    })
    expect(await bad.view()).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'tokenInvalid', status: 401 }),
    })
  })

  it('retries after a lost request and after a 503, with the same key, and stores once', async () => {
    const token = await issue()
    const storage = memoryStorage()
    const keys: string[] = []
    let calls = 0
    const flaky: typeof fetch = async (input, init) => {
      calls++
      keys.push(new Headers(init?.headers).get('idempotency-key') ?? '')
      if (calls === 1) throw new TypeError('Failed to fetch')
      if (calls === 2) return new Response('busy', { status: 503 })
      return appFetch(input, init)
    }
    const client = createLinkClient({
      server: SERVER,
      link: slug,
      token,
      fetch: flaky,
      storage,
      retryMs: 5,
    })
    const before = await stored()
    const waits: string[] = []
    const sent = await client.submit(answers, { onWaiting: (why) => waits.push(why) })
    expect(sent).toMatchObject({ ok: true, value: { replayed: false } })
    expect(waits).toEqual(['offline', 'retrying'])
    expect(new Set(keys).size).toBe(1)
    expect(await stored()).toBe(before + 1)
    expect(storage.keys()).toEqual([])
  })

  it('replays a submission whose answer was lost after the server stored it', async () => {
    const token = await issue()
    let lost = false
    const losing: typeof fetch = async (input, init) => {
      const response = await appFetch(input, init)
      if (init?.method === 'POST' && !lost) {
        lost = true
        throw new TypeError('network changed')
      }
      return response
    }
    const client = createLinkClient({
      server: SERVER,
      link: slug,
      token,
      fetch: losing,
      storage: null,
      retryMs: 5,
    })
    const before = await stored()
    const sent = await client.submit(answers)
    expect(sent).toMatchObject({ ok: true, value: { replayed: true } })
    expect(await stored()).toBe(before + 1)
  })

  it('keeps a response it could not send, and a later page sends it with the same key', async () => {
    const token = await issue()
    const storage = memoryStorage()
    const offline: typeof fetch = () => Promise.reject(new TypeError('offline'))
    const leaving = new AbortController()
    const first = createLinkClient({
      server: SERVER,
      link: slug,
      token,
      fetch: offline,
      storage,
      retryMs: 5,
    })
    const attempt = first.submit(answers, {
      signal: leaving.signal,
      onWaiting: () => leaving.abort(),
    })
    expect(await attempt).toMatchObject({ ok: false, error: { code: 'aborted' } })
    const saved = first.pending()
    expect(saved?.answers).toEqual(answers)

    const before = await stored()
    const later = createLinkClient({ server: SERVER, link: slug, token, fetch: appFetch, storage })
    expect(later.pending()).toEqual(saved)
    expect(await later.resume()).toMatchObject({ ok: true, value: { replayed: false } })
    expect(later.pending()).toBeNull()
    expect(await later.resume()).toBeNull()
    expect(await stored()).toBe(before + 1)
  })

  it('returns refusals as values: invalid answers name the question, in the asked language', async () => {
    const token = await issue()
    const storage = memoryStorage()
    const client = createLinkClient({
      server: SERVER,
      link: slug,
      token,
      locale: 'en',
      fetch: appFetch,
      storage,
    })
    const sent = await client.submit({ ...answers, theoryStudy: 'great' })
    expect(sent.ok).toBe(false)
    if (sent.ok) return
    expect(sent.error).toMatchObject({ code: 'invalidAnswers', status: 422 })
    expect((sent.error.details as { errors: unknown[] }).errors).toEqual([
      expect.objectContaining({ question: 'theoryStudy', code: 'notAChoice' }),
    ])
    expect(sent.error.message).toMatch(/not valid/)
    // Refused for good: nothing kept to resend.
    expect(storage.keys()).toEqual([])
    expect(await client.submit(answers)).toMatchObject({ ok: true })
    const again = await client.submit(answers)
    expect(again).toMatchObject({ ok: false, error: { code: 'tokenUsed', status: 409 } })
  })
})
