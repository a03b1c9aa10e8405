import type { CampaignReport, CampaignResults, CommonProblems } from '@yardstick/contract'
import { reportNumber, reportShare } from '@yardstick/contract/report-figures'
import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import { pdfPages, pdfText, popplerAvailable, renderFirstPage } from '../../test/pdf-tools'
import { createApp } from '../app'
import { loadConfig } from '../config'
import { gradeLabel } from '../exports/labels'
import { type DimensionScenario, seedDimensionScenario } from '../results/test-dimension-scenario'

const poppler = popplerAvailable()

describe.each(await testStores())('the campaign report (通报) on %s', (kind) => {
  let f: Fixture
  let scenario: DimensionScenario
  let base: string
  const get = async (path: string, who: keyof Fixture['users'] = 'admin') =>
    f.app.request(`${base}${path}`, {
      headers: { authorization: `Bearer ${await f.login(who)}` },
    })
  const json = async <T>(path: string, who: keyof Fixture['users'] = 'admin') => {
    const response = await get(path, who)
    expect(response.status).toBe(200)
    return (await response.json()) as T
  }

  beforeAll(async () => {
    f = await createFixture(kind)
    scenario = await seedDimensionScenario(f)
    base = `/api/campaigns/${scenario.campaign.id}`
    const common = { campaignId: scenario.campaign.id, question: 'partyDues', title: '党费' }
    await f.database.db.insert(schema.rectifications).values([
      { ...common, unitId: f.orgs.branch1, origin: 'selfCheck', deadline: '2000-01-31' },
      { ...common, unitId: f.orgs.branch1, origin: 'deduction', status: 'fixed' },
      { ...common, unitId: f.orgs.branch2, origin: 'transformation', status: 'accepted' },
    ])
  })
  afterAll(() => f.close())

  it('gathers grades and shares, the ranking, dimensions, 共性问题, participation and rectifications', async () => {
    const report = await json<CampaignReport>('/report')
    const results = await json<CampaignResults>('/results')
    expect(report.campaign).toMatchObject({ id: scenario.campaign.id, office: '机关工委' })
    expect(report.scope).toEqual({ subtree: null, unitType: null })
    expect(report.sources.map((source) => source.key)).toEqual(['self', 'members', 'superior'])
    expect(report.distribution).toEqual(results.distribution)
    expect(report.totals).toEqual(results.participation)
    // Five units: fewer than the threshold, so all are listed, by rank as /results sorts them.
    expect(report.ranking).toMatchObject({ units: 5, complete: true, lowestGrade: 'lagging' })
    expect(report.ranking.rows.map((row) => [row.name, row.composite, row.grade])).toEqual(
      results.units.map((unit) => [unit.name, unit.composite, unit.grade]),
    )
    const superior = report.dimensions.find((source) => source.key === 'superior')
    const medians = new Map(superior?.dimensions.map((d) => [d.name, d.median]))
    expect(superior?.weakest).toHaveLength(3)
    const weakest = superior?.weakest.map((name) => medians.get(name) ?? null) ?? []
    expect(weakest).toEqual([...weakest].sort((a, b) => (a ?? 0) - (b ?? 0)))
    const lowest = Math.min(...[...medians.values()].map((m) => m ?? Number.POSITIVE_INFINITY))
    expect(weakest[0]).toBe(lowest)
    const self = await json<CommonProblems>('/results/common-problems?source=self')
    const reportSelf = report.commonProblems.find((source) => source.source === 'self')
    expect(reportSelf?.questions).toEqual(self.questions.slice(0, 5))
    expect(report.participation?.map((row) => [row.source, row.units])).toEqual([
      ['self', 5],
      ['members', 5],
      ['superior', 5],
    ])
    expect(report.rectifications).toEqual({
      total: 3,
      overdue: 1,
      byStatus: { open: 1, inProgress: 0, fixed: 1, accepted: 1, returned: 0 },
      byOrigin: { selfCheck: 1, deduction: 1, transformation: 1 },
    })
  })

  it('narrows to a subtree, and to a secretary’s own branch without participation', async () => {
    const sub = await json<CampaignReport>(`/report?subtree=${f.orgs.otherSub}`)
    expect(sub.scope.subtree).toEqual({ id: f.orgs.otherSub, name: '第二分工委' })
    expect(sub.ranking.rows.map((row) => row.name).sort()).toEqual(['第三党支部', '第四党支部'])
    expect(sub.rectifications.total).toBe(0)
    const own = await json<CampaignReport>('/report', 'secretary')
    expect(own.ranking.rows.map((row) => row.name)).toEqual(['第一党支部'])
    expect(own.participation).toBeNull()
    expect(own.rectifications.total).toBe(2)
    expect((await get('/report', 'outsider')).status).toBe(403)
    expect((await get('/report?subtree=999999')).status).toBe(404)
  })

  it.skipIf(!poppler)('prints the report’s figures into a PDF that renders', async () => {
    const report = await json<CampaignReport>('/report')
    const response = await get('/report.pdf')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent(`${report.campaign.name}-通报.pdf`),
    )
    const pdf = new Uint8Array(await response.arrayBuffer())
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    const text = pdfText(pdf)
    expect(pdfPages(text)).toBeGreaterThanOrEqual(1)
    expect(text).toContain(report.campaign.name)
    const lines = text.split('\n').map((line) => line.trim().split(/\s+/))
    for (const row of report.distribution) {
      expect(lines).toContainEqual([
        gradeLabel(row.grade),
        String(row.count),
        reportShare(row.share),
      ])
    }
    const first = report.ranking.rows[0]
    expect(first?.composite).not.toBeNull()
    expect(lines).toContainEqual(
      expect.arrayContaining(['1', first?.name, reportNumber(first?.composite ?? null)]),
    )
    const { png, darkShare } = renderFirstPage(pdf)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Text and table lines on white: some dark pixels, far from a blank or black page.
    expect(darkShare).toBeGreaterThan(0.005)
    expect(darkShare).toBeLessThan(0.3)
  })

  it.skipIf(!poppler)(
    'prints the report in English for ?lang=en or an English Accept-Language',
    async () => {
      const report = await json<CampaignReport>('/report')
      const token = await f.login('admin')
      const pdf = async (query: string, language?: string) => {
        const headers: Record<string, string> = { authorization: `Bearer ${token}` }
        if (language) headers['accept-language'] = language
        const response = await f.app.request(`${base}/report.pdf${query}`, { headers })
        expect(response.status).toBe(200)
        const text = pdfText(new Uint8Array(await response.arrayBuffer()))
        return { text, disposition: response.headers.get('content-disposition') ?? '' }
      }
      const english = await pdf('?lang=en')
      expect(english.disposition).toContain(
        encodeURIComponent(`${report.campaign.name}-report.pdf`),
      )
      for (const words of ['results report', '1. Grades', '2. Ranking', '6. Rectifications']) {
        expect(english.text).toContain(words)
      }
      const dimension = report.dimensions[0]?.dimensions[0]
      expect(dimension?.title.en).toBeTruthy()
      expect(english.text).toContain(dimension?.title.en)
      expect(english.text).not.toContain('等次分布')
      // The reader's language when no lang is given; lang wins over it.
      expect((await pdf('', 'en-GB,en;q=0.9')).text).toContain('1. Grades')
      const chinese = await pdf('?lang=zh-CN', 'en')
      expect(chinese.text).toContain('一、等次分布')
      expect(chinese.text).not.toContain('1. Grades')
      expect((await get('/report.pdf?lang=fr')).status).toBe(400)
    },
  )

  it('answers 503 reportFontMissing rather than a PDF of empty boxes when there is no CJK font', async () => {
    const config = loadConfig({ SEED_DEMO: 'false', REPORT_FONT: '/nonexistent/font.ttc' })
    const app = createApp({ database: f.database, config })
    const response = await app.request(`${base}/report.pdf`, {
      headers: { authorization: `Bearer ${await f.login('admin')}` },
    })
    expect(response.status).toBe(503)
    const body = (await response.json()) as { error: { code: string; details: unknown } }
    expect(body.error).toMatchObject({
      code: 'reportFontMissing',
      details: { path: '/nonexistent/font.ttc' },
    })
  })
})
