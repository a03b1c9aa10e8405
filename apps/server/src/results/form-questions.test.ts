import { queryRows } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { templates } from '@yardstick/sdk'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { countStoredAnswers } from './form-questions'
import { insertResponses, seedCampaign, type TestCampaign } from './test-campaign'
import { memberAnswers, TEST_BANDS } from './test-forms'
import { verifyAggregates } from './verify-aggregates'

describe.each(await testStores())(
  'answers stored before their questions were listed, on %s',
  (kind) => {
    let f: Fixture
    let campaign: TestCampaign
    const answerRows = async () =>
      (
        await queryRows<{ n: number }>(
          f.database.db,
          sql`select coalesce(sum(n), 0)::int as n from unit_answer_totals
          where campaign_id = ${campaign.id}`,
        )
      )[0]?.n ?? 0

    beforeAll(async () => {
      f = await createFixture(kind)
      campaign = await seedCampaign(f.database.db, {
        orgId: f.orgs.committee,
        unitIds: [f.orgs.branch1, f.orgs.branch2],
        sources: [{ key: 'members', weight: 1, form: templates.satisfaction }],
        bands: TEST_BANDS,
      })
      // A database from before migration 0009: the versions' questions unlisted, so the trigger
      // counted none of these answers.
      await f.database.db.execute(sql`delete from form_version_questions`)
      await insertResponses(f.database.db, campaign, [
        { unitId: f.orgs.branch1, source: 'members', answers: memberAnswers('satisfied') },
        { unitId: f.orgs.branch1, source: 'members', answers: memberAnswers('basic') },
        { unitId: f.orgs.branch2, source: 'members', answers: memberAnswers('dissatisfied') },
      ])
    })
    afterAll(() => f.close())

    it('are counted once at start, and the aggregates then equal the responses', async () => {
      expect(await answerRows()).toBe(0)
      expect((await verifyAggregates(f.database.db, campaign.id)).differenceCount).toBe(0)
      // Listing the questions makes the verifier expect the answers: now they are missing.
      expect(await countStoredAnswers(f.database.db)).toBeGreaterThanOrEqual(1)
      expect(await answerRows()).toBeGreaterThan(0)
      expect((await verifyAggregates(f.database.db, campaign.id)).differences).toEqual([])
      // Once listed, a second start lists nothing and counts nothing twice.
      const before = await answerRows()
      expect(await countStoredAnswers(f.database.db)).toBe(0)
      expect(await answerRows()).toBe(before)
    })
  },
)
