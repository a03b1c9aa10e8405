import { testStores } from '@yardstick/db/testing'
import { type FormJson, templates } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { completeAnswers } from '../campaigns/test-fixture'
import { insertResponses, seedCampaign, type TestCampaign } from './test-campaign'
import { TEST_BANDS } from './test-forms'

const FORM = templates.satisfaction as FormJson

/**
 * A branch's own reader (its secretary) sees the per-question counts of an anonymous source only
 * once the branch has at least five responses: below that, counts would tell a member's answers
 * to whoever knows who answered.
 */
describe.each(await testStores())(
  'the minimum group for anonymous per-question counts on %s',
  (kind) => {
    let f: Fixture
    let campaign: TestCampaign
    let url: string
    const members = (unitId: number, n: number) =>
      Array.from({ length: n }, () => ({
        unitId,
        source: 'members' as const,
        answers: completeAnswers(FORM, 'dissatisfied'),
      }))

    beforeAll(async () => {
      f = await createFixture(kind)
      campaign = await seedCampaign(f.database.db, {
        orgId: f.orgs.committee,
        unitIds: [f.orgs.branch1, f.orgs.branch2],
        sources: [
          { key: 'members', weight: 1, measure: 'satisfactionRate', anonymous: true, form: FORM },
        ],
        bands: TEST_BANDS,
      })
      await insertResponses(f.database.db, campaign, [
        ...members(f.orgs.branch1, 4),
        ...members(f.orgs.branch2, 6),
      ])
      url = `/api/campaigns/${campaign.id}/results/questions?source=members`
    })
    afterAll(() => f.close())

    it('withholds them from the branch below five responses, and shows them from five on', async () => {
      const secretary = await f.login('secretary')
      const few = await f.call('GET', url, { token: secretary })
      expect(few.status).toBe(200)
      expect(few.body).toMatchObject({
        responses: 4,
        overall: null,
        questions: [],
        withheldBelow: 5,
      })
      // The office reads its campaign whole: the minimum protects members from their own branch.
      const office = await f.call('GET', url, { token: await f.login('admin') })
      expect(office.body.responses).toBe(10)
      expect(office.body.questions.length).toBeGreaterThan(0)
      expect(office.body.withheldBelow).toBeNull()

      await insertResponses(f.database.db, campaign, members(f.orgs.branch1, 1))
      const five = await f.call('GET', url, { token: secretary })
      expect(five.body.responses).toBe(5)
      expect(five.body.withheldBelow).toBeNull()
      expect(five.body.questions.length).toBeGreaterThan(0)
      expect(five.body.overall).not.toBeNull()
    })
  },
)
