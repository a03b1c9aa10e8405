import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTexts } from '../../test/audit-log'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishTemplate,
} from '../campaigns/test-fixture'

// Issue 13: "Responses stay anonymous: the audit log never links an anonymous response to a
// token or a person." Answering through a link is not a change of record: it writes no entry.
describe.each(await testStores())('the audit log and anonymous answers on %s', (kind) => {
  let f: Fixture
  let anonymous: Awaited<ReturnType<typeof openCampaign>>

  beforeAll(async () => {
    f = await createFixture(kind)
    const members = await publishTemplate(f, 'satisfaction')
    anonymous = await openCampaign(
      f,
      campaignBody(
        f,
        { members },
        { sources: [{ key: 'members', formVersion: members, weight: 1, anonymous: true }] },
      ),
    )
  })
  afterAll(() => f.close())

  it('holds nothing of a full anonymous submission: no slug, token, hash, response or person', async () => {
    const slug = anonymous.slug(f.orgs.branch1, 'members')
    const issued = await f.call('POST', `/api/campaigns/${anonymous.id}/tokens`, {
      token: anonymous.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 2 },
    })
    expect(issued.status).toBe(201)
    const tokens = issued.body.tokens as string[]
    const before = await auditTexts(f)
    // The management side is recorded (create, open, tokens issued: a count).
    expect(before.join('\n')).toContain('"campaign.issueTokens"')

    // A member opens the link, answers with a token (while signed in elsewhere, as a secretary
    // might be), retries, and a second token is refused once used.
    const secretary = await f.login('secretary')
    const answers = completeAnswers(templates.satisfaction, 'satisfied')
    const view = await f.call('GET', `/api/links/${slug}?token=${tokens[0]}`)
    expect(view.status).toBe(200)
    const submit = (token: string | undefined, key: string) =>
      f.call('POST', `/api/links/${slug}/responses`, {
        token: secretary,
        body: { answers, token },
        headers: { 'idempotency-key': key },
      })
    const first = await submit(tokens[0], 'audit-1')
    expect(first.status).toBe(201)
    expect((await submit(tokens[0], 'audit-1')).status).toBe(200)
    expect((await submit(tokens[0], 'audit-2')).status).toBe(409)
    expect((await submit('AAAA-BBBB-CCCC-DDDD', 'audit-3')).status).toBe(401)
    const second = await submit(tokens[1], 'audit-4')
    expect(second.status).toBe(201)

    const after = await auditTexts(f)
    expect(after).toEqual(before)
    const hashes = await f.database.db
      .select({ hash: schema.respondentTokens.tokenHash })
      .from(schema.respondentTokens)
      .where(eq(schema.respondentTokens.campaignId, anonymous.id))
    const log = after.join('\n')
    for (const secret of [slug, ...tokens, ...hashes.map((row) => row.hash)]) {
      expect(log).not.toContain(secret)
    }
    expect(log).not.toMatch(/"entity":"(response|token|link)"/)
    expect(log).not.toContain('responseId')
    for (const id of [first.body.id, second.body.id]) {
      expect(log).not.toContain(`"response:${id}"`)
    }
  })
})
