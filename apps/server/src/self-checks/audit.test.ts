import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditOf } from '../../test/audit-log'
import { createFixture, type Fixture } from '../../test/harness'
import { completeAnswers, selfCheckCampaign } from './test-campaign'

describe.each(await testStores())(
  'the audit log of self-checks and rectifications on %s',
  (kind) => {
    let f: Fixture
    let secretary: string
    let assessor: string
    let campaignId: number
    let selfCheckId: number
    let items: Array<{ id: number; question: string }>
    const branchPath = () => `/${f.orgs.committee}/${f.orgs.sub}/${f.orgs.branch1}/`
    const at = (unitId: number) => `/api/campaigns/${campaignId}/self-checks/${unitId}`
    const step = (name: string, body?: unknown, unitId = f.orgs.branch1) =>
      f.call('POST', `${at(unitId)}/${name}`, { token: secretary, body })
    const selfCheckEntries = async () =>
      (await auditOf(f, 'selfCheck')).filter((e) => e.entityId === String(selfCheckId))
    const entry = (description: string) => ({
      description,
      measure: '整改',
      owner: '书记',
      deadline: '2030-06-30',
    })

    beforeAll(async () => {
      f = await createFixture(kind)
      secretary = await f.login('secretary')
      assessor = await f.login('assessor')
      campaignId = await selfCheckCampaign(f)
      // Reading creates nothing: the first save brings the self-check about (issue 16, item 11).
      const draft = await f.call('PUT', at(f.orgs.branch1), {
        token: secretary,
        body: { answers: {} },
      })
      selfCheckId = draft.body.id
    })
    afterAll(() => f.close())

    it('records approve, announce and submit on the branch, and nothing for saves or refusals', async () => {
      expect((await step('announce')).status).toBe(409)
      // A secretary of another branch: 403.
      expect((await step('approve', { approvedOn: '2025-03-18' }, f.orgs.branch2)).status).toBe(403)
      const answers = completeAnswers({
        theoryStudy: entry('学习不够'),
        partyDues: entry('党费迟交'),
      })
      const saved = await f.call('PUT', at(f.orgs.branch1), { token: secretary, body: { answers } })
      expect(saved.status).toBe(200)
      expect(await selfCheckEntries()).toEqual([])
      expect(await auditOf(f, 'selfCheck')).toEqual([])

      expect((await step('approve', { approvedOn: '2025-03-18' })).status).toBe(200)
      expect((await step('announce')).status).toBe(200)
      expect((await step('submit')).status).toBe(200)
      expect((await step('submit')).status).toBe(409)

      const entries = await selfCheckEntries()
      expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
        [
          'selfCheck.approve',
          { status: 'draft' },
          {
            status: 'approved',
            campaignId,
            unitId: f.orgs.branch1,
            approvedOn: '2025-03-18',
          },
        ],
        [
          'selfCheck.announce',
          { status: 'approved' },
          {
            status: 'announced',
            campaignId,
            unitId: f.orgs.branch1,
            announcedAt: expect.stringMatching(/^\d{4}-/),
          },
        ],
        [
          'selfCheck.submit',
          { status: 'announced' },
          {
            status: 'submitted',
            campaignId,
            unitId: f.orgs.branch1,
            percent: expect.any(Number),
            rectifications: 2,
          },
        ],
      ])
      expect(entries.every((e) => e.actorId === f.users.secretary.id)).toBe(true)
      expect(entries.every((e) => e.orgPath === branchPath())).toBe(true)
      // The answers are the branch's content, kept in self_checks, not in the log.
      expect(JSON.stringify(entries)).not.toContain('学习不够')

      const list = await f.call('GET', `/api/campaigns/${campaignId}/rectifications?limit=100`, {
        token: secretary,
      })
      items = list.body.items
      expect(items).toHaveLength(2)
    })

    it('records what the branch changes on a rectification, before and after', async () => {
      const item = items[0] as { id: number }
      const patch = (body: unknown) =>
        f.call('PATCH', `/api/rectifications/${item.id}`, { token: secretary, body })
      expect((await patch({ progress: '已召开专题会', status: 'inProgress' })).status).toBe(200)
      // Fixed needs evidence (409); the same progress again changes nothing.
      expect((await patch({ status: 'fixed' })).status).toBe(409)
      expect((await patch({ progress: '已召开专题会' })).status).toBe(200)
      const entries = await auditOf(f, 'rectification', item.id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        actorId: f.users.secretary.id,
        action: 'rectification.update',
        orgPath: branchPath(),
        before: { status: 'open', progress: null },
        after: { status: 'inProgress', progress: '已召开专题会' },
      })
    })

    it('records the office above returning and accepting a fixed rectification', async () => {
      const item = items[1] as { id: number }
      const fix = () =>
        f.call('PATCH', `/api/rectifications/${item.id}`, {
          token: secretary,
          body: { evidence: '会议记录', status: 'fixed' },
        })
      const review = (body: unknown, token = assessor) =>
        f.call('POST', `/api/rectifications/${item.id}/review`, { token, body })
      expect((await review({ decision: 'accept' })).status).toBe(409)
      expect((await fix()).status).toBe(200)
      expect((await review({ decision: 'accept' }, secretary)).status).toBe(403)
      expect((await review({ decision: 'return', note: '缺少签到表' })).status).toBe(200)
      expect((await fix()).status).toBe(200)
      expect((await review({ decision: 'accept' })).status).toBe(200)
      const entries = await auditOf(f, 'rectification', item.id)
      expect(entries.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
        [
          'rectification.update',
          f.users.secretary.id,
          expect.objectContaining({ status: 'open', evidence: null }),
          expect.objectContaining({ status: 'fixed', evidence: '会议记录' }),
        ],
        [
          'rectification.return',
          f.users.assessor.id,
          expect.objectContaining({ status: 'fixed' }),
          expect.objectContaining({ status: 'returned', reviewNote: '缺少签到表' }),
        ],
        [
          'rectification.update',
          f.users.secretary.id,
          expect.objectContaining({ status: 'returned' }),
          expect.objectContaining({ status: 'fixed' }),
        ],
        [
          'rectification.accept',
          f.users.assessor.id,
          expect.objectContaining({ status: 'fixed' }),
          expect.objectContaining({ status: 'accepted', reviewNote: null }),
        ],
      ])
      expect(entries.every((e) => e.orgPath === branchPath())).toBe(true)
    })
  },
)
