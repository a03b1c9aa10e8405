import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { signInAs } from '../forms/test-helpers'
import { campaignBody, publishTemplate } from './test-fixture'

// Issue 16, item 6: a campaign puts a form version in front of respondents, so whoever creates
// or changes it must be able to read every version it names.
describe.each(await testStores())('the form versions a campaign names, on %s', (kind) => {
  let f: Fixture
  let own: { members: number; superior: number }
  let foreign: number
  let subEditor: string

  const rowCounts = async () => {
    const { db } = f.database
    const tables = [schema.campaigns, schema.campaignSources, schema.links, schema.campaignUnits]
    return Promise.all(tables.map(async (table) => (await db.select().from(table)).length))
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    own = {
      members: await publishTemplate(f, 'satisfaction', f.orgs.sub),
      superior: await publishTemplate(f, 'scorecard', f.orgs.sub),
    }
    foreign = await publishTemplate(f, 'scorecard', f.orgs.otherSub)
    subEditor = await signInAs(f, 'sub-editor', [{ role: 'editor', orgId: f.orgs.sub }])
  })
  afterAll(() => f.close())

  it('refuses a campaign on another sub-committee’s form version, writing nothing', async () => {
    const before = await rowCounts()
    const refused = await f.call('POST', '/api/campaigns', {
      token: subEditor,
      body: campaignBody(f, { members: own.members, superior: foreign }),
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({
      code: 'forbidden',
      details: { path: 'sources.1.formVersion' },
    })
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses switching a source to another sub-committee’s form version, changing nothing', async () => {
    const created = await f.call('POST', '/api/campaigns', {
      token: subEditor,
      body: campaignBody(f, own),
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const sources = async () =>
      (await f.database.db.select().from(schema.campaignSources))
        .filter((source) => source.campaignId === id)
        .map(({ key, formVersionId }) => ({ key, formVersionId }))
    const was = await sources()
    const refused = await f.call('PATCH', `/api/campaigns/${id}`, {
      token: subEditor,
      body: { sources: [{ key: 'superior', formVersion: foreign }] },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatchObject({
      code: 'forbidden',
      details: { path: 'sources.0.formVersion' },
    })
    expect(await sources()).toEqual(was)
    // A version of its own office is still accepted.
    const mine = await publishTemplate(f, 'scorecard', f.orgs.sub)
    const changed = await f.call('PATCH', `/api/campaigns/${id}`, {
      token: subEditor,
      body: { sources: [{ key: 'superior', formVersion: mine }] },
    })
    expect(changed.status).toBe(200)
  })

  it('lets an editor above both sub-committees use either one’s versions', async () => {
    const editor = await f.login('editor')
    const created = await f.call('POST', '/api/campaigns', {
      token: editor,
      body: campaignBody(f, { members: own.members, superior: foreign }),
    })
    expect(created.status).toBe(201)
  })
})
