import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import type { TestCampaign } from '../results/test-campaign'
import { seedSmallScenario } from '../results/test-scenario'
import { type ExportedResponse, readResponses } from './responses-reader'

describe.each(await testStores())('readResponses on %s', (kind) => {
  let f: Fixture
  let campaign: TestCampaign

  beforeAll(async () => {
    f = await createFixture(kind)
    campaign = (await seedSmallScenario(f)).campaign
  })
  afterAll(() => f.close())

  const read = async (options: Partial<Parameters<typeof readResponses>[1]> = {}) => {
    const batches: ExportedResponse[][] = []
    const query = { campaignId: campaign.id, sourceKey: 'members', scope: 'all' as const }
    for await (const batch of readResponses(f.database.db, {
      anonymous: true,
      ...query,
      ...options,
    }))
      batches.push(batch)
    return batches
  }

  it('reads every response of the source in id order, one batch per query', async () => {
    const batches = await read({ batchSize: 5 })
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2])
    const ids = batches.flat().map((r) => r.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(12)
  })

  it('ends cleanly when the last batch is exactly full', async () => {
    expect((await read({ batchSize: 4 })).map((b) => b.length)).toEqual([4, 4, 4])
  })

  it('keeps to the units in scope, and yields nothing for an empty scope', async () => {
    const batches = await read({ scope: [f.orgs.branch2] })
    expect(batches.flat().map((r) => r.unitId)).toEqual([
      f.orgs.branch2,
      f.orgs.branch2,
      f.orgs.branch2,
      f.orgs.branch2,
    ])
    expect(await read({ scope: [] })).toEqual([])
  })

  it('reads the respondent’s name only when the source is not anonymous', async () => {
    const named = await read({ sourceKey: 'self', anonymous: false, scope: [f.orgs.branch1] })
    expect(named.flat().map((r) => r.respondent)).toEqual(['secretary'])
    const anonymous = await read({ sourceKey: 'self', anonymous: true, scope: [f.orgs.branch1] })
    expect(anonymous.flat().map((r) => r.respondent)).toEqual([null])
  })
})
