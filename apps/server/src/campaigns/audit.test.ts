import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditOf, auditTexts } from '../../test/audit-log'
import { createFixture, type Fixture } from '../../test/harness'
import { campaignBody, publishTemplate } from './test-fixture'

describe.each(await testStores())('the audit log of campaigns on %s', (kind) => {
  let f: Fixture
  let admin: string
  let editor: string
  let versions: { members: number; superior: number }
  const subPath = () => `/${f.orgs.committee}/${f.orgs.sub}/`
  const create = async (token = admin) => {
    const { status, body } = await f.call('POST', '/api/campaigns', {
      token,
      body: campaignBody(f, versions),
    })
    expect(status).toBe(201)
    return body.id as number
  }
  const move = (id: number, action: 'open' | 'close', token = admin) =>
    f.call('POST', `/api/campaigns/${id}/${action}`, { token })

  beforeAll(async () => {
    f = await createFixture(kind)
    admin = await f.login('admin')
    editor = await f.login('editor')
    versions = {
      members: await publishTemplate(f, 'satisfaction'),
      superior: await publishTemplate(f, 'scorecard'),
    }
  })
  afterAll(() => f.close())

  it('records a campaign’s creation with its settings and unit count, on its office', async () => {
    const id = await create(editor)
    const entries = await auditOf(f, 'campaign', id)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: f.users.editor.id,
      action: 'campaign.create',
      orgPath: subPath(),
      before: null,
      after: {
        name: '2025年度综合评定',
        status: 'draft',
        units: 2,
        sources: [
          { key: 'members', formVersion: versions.members, weight: 3 },
          { key: 'superior', formVersion: versions.superior, weight: 5 },
        ],
      },
    })
  })

  it('records a settings change with only the fields that change, before and after', async () => {
    const id = await create()
    const { status } = await f.call('PATCH', `/api/campaigns/${id}`, {
      token: editor,
      body: {
        name: '2025年度综合评定（修订）',
        showScore: false,
        sources: [{ key: 'superior', weight: 6 }],
      },
    })
    expect(status).toBe(200)
    const [entry] = (await auditOf(f, 'campaign', id)).filter((e) => e.action === 'campaign.update')
    expect(entry).toMatchObject({
      actorId: f.users.editor.id,
      orgPath: subPath(),
      before: {
        name: '2025年度综合评定',
        sources: [{ key: 'superior', formVersion: versions.superior, weight: 5 }],
      },
      after: {
        name: '2025年度综合评定（修订）',
        sources: [{ key: 'superior', formVersion: versions.superior, weight: 6 }],
      },
    })
    // showScore was already false: not a change.
    expect(entry?.after).not.toHaveProperty('showScore')
  })

  it('records open, close and an admin’s reopening; refused moves leave no entry', async () => {
    const id = await create()
    expect((await move(id, 'open', editor)).status).toBe(200)
    expect((await move(id, 'open', editor)).status).toBe(409)
    expect((await move(id, 'close', editor)).status).toBe(200)
    expect((await move(id, 'close')).status).toBe(409)
    // Reopening a closed campaign is for admins only.
    expect((await move(id, 'open', editor)).status).toBe(403)
    const patched = await f.call('PATCH', `/api/campaigns/${id}`, {
      token: admin,
      body: { name: '关闭后改名' },
    })
    expect(patched.status).toBe(409)
    expect((await move(id, 'open')).status).toBe(200)
    const moves = (await auditOf(f, 'campaign', id)).filter((e) => e.action !== 'campaign.create')
    expect(moves.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ['campaign.open', f.users.editor.id, { status: 'draft' }, { status: 'open' }],
      ['campaign.close', f.users.editor.id, { status: 'open' }, { status: 'closed' }],
      ['campaign.reopen', f.users.admin.id, { status: 'closed' }, { status: 'open' }],
    ])
    expect(moves.every((e) => e.orgPath === subPath())).toBe(true)
  })

  it('records how many tokens were issued for which unit — never a token or the link', async () => {
    const id = await create()
    expect((await move(id, 'open')).status).toBe(200)
    const issued = await f.call('POST', `/api/campaigns/${id}/tokens`, {
      token: editor,
      body: { unitId: f.orgs.branch1, source: 'members', count: 5 },
    })
    expect(issued.status).toBe(201)
    const refused = await f.call('POST', `/api/campaigns/${id}/tokens`, {
      token: editor,
      body: { unitId: f.orgs.branch1, source: 'superior', count: 5 },
    })
    expect(refused.status).toBe(400)
    const entries = (await auditOf(f, 'campaign', id)).filter(
      (e) => e.action === 'campaign.issueTokens',
    )
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      actorId: f.users.editor.id,
      orgPath: subPath(),
      after: { unitId: f.orgs.branch1, source: 'members', count: 5 },
    })
    const log = (await auditTexts(f)).join('\n')
    expect(issued.body.tokens).toHaveLength(5)
    for (const token of issued.body.tokens as string[]) expect(log).not.toContain(token)
    expect(log).not.toContain(issued.body.slug)
  })
})
