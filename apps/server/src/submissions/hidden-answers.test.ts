import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, openCampaign } from '../campaigns/test-fixture'

const FORM: FormJson = {
  kind: 'satisfaction',
  elements: [
    {
      type: 'radiogroup',
      name: 'overall',
      isRequired: true,
      choices: [
        { value: 'satisfied', score: 100, satisfied: true },
        { value: 'dissatisfied', score: 0, satisfied: false },
      ],
    },
    { type: 'comment', name: 'why', visibleIf: "{overall} = 'dissatisfied'" },
  ],
}

describe.each(await testStores())('answers to hidden questions on %s', (kind) => {
  let f: Fixture
  beforeAll(async () => {
    f = await createFixture(kind)
  })
  afterAll(() => f.close())

  it('are dropped before the response is scored and stored, as SurveyJS drops them', async () => {
    const [form] = await f.database.db
      .insert(schema.forms)
      .values({ orgId: f.orgs.committee, title: 'hidden', json: FORM })
      .returning({ id: schema.forms.id })
    const [version] = await f.database.db
      .insert(schema.formVersions)
      .values({ formId: form?.id as number, version: 1, json: FORM, hash: 'hidden-test' })
      .returning({ id: schema.formVersions.id })
    const { slug } = await openCampaign(f, campaignBody(f, { members: version?.id as number }))
    const posted = await f.call('POST', `/api/links/${slug(f.orgs.branch1, 'members')}/responses`, {
      body: { answers: { overall: 'satisfied', why: '这条理由对满意的人不可见' } },
      headers: { 'idempotency-key': 'hidden-1' },
    })
    expect(posted.status).toBe(201)
    const [row] = await f.database.db
      .select({ answers: schema.responses.answers })
      .from(schema.responses)
      .where(eq(schema.responses.id, posted.body.id))
    expect(row?.answers).toEqual({ overall: 'satisfied' })
  })
})
