import type { Fixture } from '../../test/harness'
import { insertOrg } from '../orgs/org-tree'
import {
  insertResponses,
  seedCampaign,
  type TestCampaign,
  type TestResponse,
} from './test-campaign'
import {
  MEMBERS_FORM,
  memberAnswers,
  SELF_FORM,
  SUPERIOR_FORM,
  selfAnswers,
  superiorAnswers,
  TEST_BANDS,
} from './test-forms'

/** The four-branch campaign the route tests read, with the outcome worked out by hand. */
export interface SmallScenario {
  campaign: TestCampaign
  /** 第四党支部 (organ) under the second sub-committee, added to the harness's three. */
  branch4: number
}

/**
 * Test data only. Sources: self (weight 2, required), members (weight 3, ≥ 3 responses,
 * satisfaction rate), superior (weight 5). Outcome:
 * - branch1: 100 / 100 / 100 → 100, advanced, rank 1;
 * - branch2: 60 / 75 / 100 → 84.5, standard, rank 2;
 * - branch3: members has 2 responses → incomplete (belowMinResponses);
 * - branch4: 100 / 100 / 100 with a veto → 100, lagging, rank 1, vetoed.
 */
export async function seedSmallScenario(f: Fixture): Promise<SmallScenario> {
  const { db } = f.database
  const branch4 = await insertOrg(db, {
    parentId: f.orgs.otherSub,
    kind: 'branch',
    name: '第四党支部',
    unitType: 'organ',
  })
  const { branch1, branch2, branch3 } = f.orgs
  const campaign = await seedCampaign(db, {
    orgId: f.orgs.committee,
    unitIds: [branch1, branch2, branch3, branch4.id],
    sources: [
      { key: 'self', weight: 2, required: true, form: SELF_FORM },
      {
        key: 'members',
        weight: 3,
        minResponses: 3,
        measure: 'satisfactionRate',
        anonymous: true,
        form: MEMBERS_FORM,
      },
      { key: 'superior', weight: 5, form: SUPERIOR_FORM },
    ],
    bands: TEST_BANDS,
  })
  const members = (unitId: number, ...choices: Parameters<typeof memberAnswers>[0][]) =>
    choices.map(
      (choice): TestResponse => ({ unitId, source: 'members', answers: memberAnswers(choice) }),
    )
  await insertResponses(db, campaign, [
    { unitId: branch1, source: 'self', answers: selfAnswers(), respondentId: f.users.secretary.id },
    ...members(branch1, 'satisfied', 'satisfied', 'satisfied'),
    { unitId: branch1, source: 'superior', answers: superiorAnswers(10) },
    { unitId: branch2, source: 'self', answers: selfAnswers('yes', 'yes', 'partly', 'no') },
    ...members(branch2, 'satisfied', 'satisfied', 'basic', 'dissatisfied'),
    { unitId: branch2, source: 'superior', answers: superiorAnswers(10) },
    { unitId: branch3, source: 'self', answers: selfAnswers() },
    ...members(branch3, 'satisfied', 'basic'),
    { unitId: branch3, source: 'superior', answers: superiorAnswers(8) },
    { unitId: branch4.id, source: 'self', answers: selfAnswers() },
    ...members(branch4.id, 'satisfied', 'satisfied', 'satisfied'),
    { unitId: branch4.id, source: 'superior', answers: superiorAnswers(10, true) },
  ])
  return { campaign, branch4: branch4.id }
}
