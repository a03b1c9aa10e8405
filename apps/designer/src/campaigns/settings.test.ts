import { describe, expect, it } from 'vitest'
import type { CampaignDetail } from '../api/types'
import { parseRoute } from '../router'
import { ownSource } from './new-campaign'
import { isSavedSource, settingsChange, settingsDraft, settingsFieldPath } from './settings'

const campaign: CampaignDetail = {
  id: 7,
  orgId: 2,
  name: '2026 年度综合评定',
  cadence: 'yearly',
  opensAt: '2026-03-01T01:00:00.000Z',
  closesAt: '2026-03-31T09:30:00.000Z',
  status: 'open',
  accepting: true,
  unitCount: 20,
  showScore: false,
  bands: [{ min: 0, grade: '达标' }],
  quota: null,
  allowedOrigins: ['https://dangjian.example.cn'],
  timeLimitMinutes: null,
  createdAt: '2026-02-01T00:00:00.000Z',
  canManage: true,
  sources: [
    {
      key: 'members',
      answeredBy: 'members',
      label: null,
      panel: [],
      formVersion: 11,
      formId: 3,
      version: 2,
      weight: 3,
      required: false,
      minResponses: 5,
      measure: 'satisfactionRate',
      anonymous: true,
      formsByUnitType: {},
      instruments: [{ formVersion: 11, formId: 3, version: 2, title: '群众满意率测评表' }],
    },
    {
      key: 'superior',
      answeredBy: 'assessors',
      label: null,
      panel: [],
      formVersion: 12,
      formId: 4,
      version: 1,
      weight: 5,
      required: true,
      minResponses: null,
      measure: 'percent',
      anonymous: false,
      formsByUnitType: { school: 15 },
      instruments: [
        { formVersion: 12, formId: 4, version: 1, title: '考评表' },
        { formVersion: 15, formId: 6, version: 1, title: '学校党支部考评表' },
      ],
    },
  ],
}

describe('the campaign settings request', () => {
  it('sends nothing for a draft left as it was', () => {
    expect(settingsChange(campaign, settingsDraft(campaign)).change).toEqual({})
  })

  it('sends only what changed, origins without their empty rows', () => {
    const draft = settingsDraft(campaign)
    const { change, originRows } = settingsChange(campaign, {
      ...draft,
      name: '2026 年度综合评定（调整）',
      origins: ['https://dangjian.example.cn', '', ' http://127.0.0.1:8080 '],
      timeLimit: '30',
      showScore: true,
    })
    expect(change).toEqual({
      name: '2026 年度综合评定（调整）',
      allowedOrigins: ['https://dangjian.example.cn', 'http://127.0.0.1:8080'],
      timeLimitMinutes: 30,
      showScore: true,
    })
    expect(originRows).toEqual([0, 2])
  })

  it('clears the time limit when the field is emptied, and moves the window in ISO time', () => {
    const limited = { ...campaign, timeLimitMinutes: 45 }
    const draft = { ...settingsDraft(limited), timeLimit: '', closesAt: '2026-04-30T18:00' }
    const { change } = settingsChange(limited, draft)
    expect(change.timeLimitMinutes).toBeNull()
    expect(change.closesAt).toBe(new Date('2026-04-30T18:00').toISOString())
    expect(change.opensAt).toBeUndefined()
  })

  it('names a source by key and sends only its changed version or weight', () => {
    const draft = settingsDraft(campaign)
    const sources = draft.sources.map((s) =>
      s.key === 'superior' ? { ...s, weight: '6' } : { ...s, formVersion: 21 },
    )
    const sent = settingsChange(campaign, { ...draft, sources })
    expect(sent.change.sources).toEqual([
      { key: 'members', formVersion: 21 },
      { key: 'superior', weight: 6 },
    ])
    expect(settingsFieldPath('sources.1.weight', sent)).toBe('sources.superior.weight')
    expect(settingsFieldPath('allowedOrigins.1', { originRows: [0, 3], sourceKeys: [] })).toBe(
      'allowedOrigins.3',
    )
    expect(settingsFieldPath('name', sent)).toBe('name')
  })

  it('sends a source’s forms per branch type when they change, and {} for one form for all', () => {
    const draft = settingsDraft(campaign)
    const superior = draft.sources.find((s) => s.key === 'superior')
    expect(superior?.perType).toBe(true)
    expect(superior?.typeForms).toEqual({ school: { formId: 6, formVersion: 15 } })
    const perType = draft.sources.map((s) =>
      s.key === 'members'
        ? { ...s, perType: true, typeForms: { enterprise: { formId: 3, formVersion: 17 } } }
        : { ...s, perType: false },
    )
    const sent = settingsChange(campaign, { ...draft, sources: perType })
    expect(sent.change.sources).toEqual([
      { key: 'members', formsByUnitType: { enterprise: 17 } },
      { key: 'superior', formsByUnitType: {} },
    ])
    expect(settingsFieldPath('sources.0.formsByUnitType.enterprise', sent)).toBe(
      'sources.members.formsByUnitType.enterprise',
    )
  })
})

describe('the sources of an existing campaign', () => {
  it('sends a saved source’s label, minimum, who answers and panel as changed', () => {
    const draft = settingsDraft(campaign)
    const sources = draft.sources.map((s) =>
      s.key === 'members'
        ? { ...s, labelZh: ' 群众满意度测评 ', labelEn: '', minResponses: '' }
        : { ...s, answeredBy: 'panel' as const, panel: [9, 4] },
    )
    expect(settingsChange(campaign, { ...draft, sources }).change.sources).toEqual([
      { key: 'members', label: { 'zh-CN': '群众满意度测评' }, minResponses: null },
      { key: 'superior', answeredBy: 'panel', panel: [9, 4] },
    ])
  })

  it('removes a saved source switched off, and adds one the office added whole', () => {
    const draft = settingsDraft(campaign)
    const added = {
      ...ownSource(draft.sources),
      key: 'clients',
      answeredBy: 'members' as const,
      labelZh: '服务对象评议',
      formId: 3,
      formVersion: 11,
      weight: '2',
      minResponses: '3',
    }
    const sources = [
      ...draft.sources.map((s) => (s.key === 'superior' ? { ...s, enabled: false } : s)),
      added,
      { ...ownSource(draft.sources), key: 'unused', enabled: false },
    ]
    const sent = settingsChange(campaign, { ...draft, sources })
    expect(sent.change.sources).toEqual([
      { key: 'superior', remove: true },
      {
        key: 'clients',
        answeredBy: 'members',
        label: { 'zh-CN': '服务对象评议' },
        formVersion: 11,
        weight: 2,
        required: false,
        minResponses: 3,
        measure: 'percent',
        anonymous: false,
      },
    ])
    expect(settingsFieldPath('sources.1.weight', sent)).toBe('sources.clients.weight')
    expect([0, 1, 2].map((index) => isSavedSource(campaign, index))).toEqual([true, true, false])
  })
})

describe('the office’s campaign pages', () => {
  it('have addresses of their own', () => {
    expect(parseRoute('/campaigns/7/settings')).toEqual({ page: 'campaignSettings', campaignId: 7 })
    expect(parseRoute('/campaigns/7/participation/')).toEqual({
      page: 'participation',
      campaignId: 7,
    })
    expect(parseRoute('/campaigns/7/links/print')).toEqual({ page: 'linkSheet', campaignId: 7 })
    expect(parseRoute('/campaigns/7/links')).toEqual({ page: 'notFound' })
  })
})
