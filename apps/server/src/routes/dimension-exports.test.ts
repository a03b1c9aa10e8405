import { testStores } from '@yardstick/db/testing'
import { roundForDisplay, templates } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvRows, readXlsx } from '../../test/export-files'
import { createFixture, type Fixture } from '../../test/harness'
import {
  type DimensionScenario,
  sdkCommonProblems,
  sdkDimensionPercents,
  seedDimensionScenario,
} from '../results/test-dimension-scenario'

describe.each(await testStores())('dimension and 共性问题 exports on %s', (kind) => {
  let f: Fixture
  let scenario: DimensionScenario
  let base: string
  const download = async (path: string, who: keyof Fixture['users'] = 'admin') =>
    f.app.request(`${base}${path}`, {
      headers: { authorization: `Bearer ${await f.login(who)}` },
    })
  // branch1's self-check percent on 政治功能强, as the SDK sums it, rounded as files show it.
  const branch1Political = () =>
    roundForDisplay(
      sdkDimensionPercents(scenario.campaign, scenario.responses).get(f.orgs.branch1)?.self
        ?.politicalFunction ?? null,
    )

  beforeAll(async () => {
    f = await createFixture(kind)
    scenario = await seedDimensionScenario(f)
    base = `/api/campaigns/${scenario.campaign.id}`
  })
  afterAll(() => f.close())

  it('exports dimension results as CSV: a column per dimension, a row per unit, then the statistics', async () => {
    const response = await download('/dimensions.csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain('dimensions.csv')
    const [header, ...rows] = await csvRows(response)
    expect(header?.slice(0, 3)).toEqual(['支部', '类型', '自评·政治功能强得分率'])
    expect(header).toContain('上级考评·基本保障得分率')
    const branch1 = rows.find((row) => row[0] === '第一党支部')
    expect(Number(branch1?.[2])).toBe(branch1Political())
    expect(rows.slice(-4).map((row) => row[0])).toEqual([
      '（中位数）',
      '（最低）',
      '（最高）',
      '（平均）',
    ])
    expect(rows).toHaveLength(5 + 4)
  })

  it('exports dimension results as XLSX, and only a secretary’s own branch to them', async () => {
    const [header, ...rows] = await readXlsx(await download('/dimensions.xlsx', 'secretary'))
    expect(header?.[2]).toBe('自评·政治功能强得分率')
    expect(rows.map((row) => row[0])).toEqual([
      '第一党支部',
      '（中位数）',
      '（最低）',
      '（最高）',
      '（平均）',
    ])
    expect(rows[0]?.[2]).toBe(branch1Political())
    expect(rows[1]?.[2]).toBe(branch1Political())
  })

  it('exports 共性问题 as CSV and XLSX, worst first, with the SDK’s counts', async () => {
    const wrong = sdkCommonProblems(
      templates.selfCheck,
      scenario.responses.filter((r) => r.source === 'self'),
    )
    const [header, ...rows] = await csvRows(await download('/common-problems.csv?source=self'))
    expect(header).toEqual(['序号', '题目', '维度', '情形', '单位数', '占比（%）'])
    expect(rows).toHaveLength(17)
    const counts = rows.map((row) => Number(row[4]))
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    const dues = rows.find((row) => row[1]?.includes('党费'))
    expect(dues?.slice(2, 4)).toEqual(['党员队伍强', '答“否”'])
    expect(Number(dues?.[4])).toBe(wrong.get('partyDues')?.size ?? 0)
    const xlsx = await readXlsx(await download('/common-problems.xlsx?source=superior'))
    expect(xlsx[0]?.[3]).toBe('情形')
    expect(xlsx.slice(1).some((row) => row[3] === '扣分')).toBe(true)
    expect((await download('/common-problems.csv')).status).toBe(400)
  })

  it('adds each dimension’s percent to the results export', async () => {
    const [header, ...rows] = await csvRows(await download('/results.csv'))
    const column = header?.indexOf('自评·政治功能强得分率') ?? -1
    expect(column).toBeGreaterThan(0)
    const branch1 = rows.find((row) => row[0] === '第一党支部')
    expect(Number(branch1?.[column])).toBe(branch1Political())
  })
})
