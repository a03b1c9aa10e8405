import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csvRows, readXlsx } from '../../test/export-files'
import { createFixture, type Fixture } from '../../test/harness'
import { insertOrg } from '../orgs/org-tree'
import { insertResponses } from '../results/test-campaign'
import { memberAnswers } from '../results/test-forms'
import { seedSmallScenario } from '../results/test-scenario'

type ErrorJson = { error: { code: string } }

const EVIL_NAME = "=cmd|'/C calc'!A0"
const EVIL_COMMENT = '@SUM(1+1)*cmd'

describe.each(await testStores())('exports on %s', (kind) => {
  let f: Fixture
  let base: string
  let admin: string

  beforeAll(async () => {
    f = await createFixture(kind)
    const { campaign } = await seedSmallScenario(f)
    base = `/api/campaigns/${campaign.id}`
    const { db } = f.database
    const evil = await insertOrg(db, { parentId: f.orgs.sub, kind: 'branch', name: EVIL_NAME })
    await db.insert(schema.campaignUnits).values({ campaignId: campaign.id, unitId: evil.id })
    await insertResponses(db, campaign, [
      { unitId: evil.id, source: 'self', answers: { study: 'yes' } },
      {
        unitId: evil.id,
        source: 'members',
        answers: { ...memberAnswers('basic'), suggestions: EVIL_COMMENT },
      },
    ])
    admin = await f.login('admin')
  })
  afterAll(() => f.close())

  const fetchFile = async (path: string, who: keyof Fixture['users'] | null = 'admin') => {
    const token = who === 'admin' ? admin : who ? await f.login(who) : undefined
    return f.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  }

  it('writes results.csv with a BOM, Chinese headers and one row per unit by rank', async () => {
    const response = await fetchFile(`${base}/results.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="campaign-\d+-results\.csv"; filename\*=UTF-8''.*%E7%BB%93%E6%9E%9C/,
    )
    const [header, ...rows] = await csvRows(response)
    expect(header).toEqual([
      '支部',
      '类型',
      '自评得分',
      '自评份数',
      '党员群众测评得分',
      '党员群众测评份数',
      '上级考评得分',
      '上级考评份数',
      '综合得分',
      '等次',
      '星级',
      '名次',
      '一票否决',
      '未评定原因',
      '上期等次',
      '等次变化',
    ])
    expect(rows.map((r) => r[0])).toEqual([
      '第四党支部',
      '第一党支部',
      '第二党支部',
      // Incomplete units last, by name: punctuation sorts before Chinese.
      `'${EVIL_NAME}`,
      '第三党支部',
    ])
    expect(rows[2]).toEqual([
      '第二党支部',
      '企业',
      '60',
      '1',
      '75',
      '4',
      '100',
      '1',
      '84.5',
      '达标',
      '3',
      '2',
      '否',
      '',
      // No previous period: no previous grade and no change.
      '',
      '',
    ])
    expect(rows[0]?.slice(9, 13)).toEqual(['后进', '1', '1', '是'])
    expect(rows[4]?.[13]).toContain('评价来源“党员群众测评”只有 2 份答卷，少于最低要求的 3 份')
  })

  it('writes the same table as results.xlsx, the formula-like branch name neutralised in its cell', async () => {
    const response = await fetchFile(`${base}/results.xlsx`)
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const [header, ...rows] = await readXlsx(response)
    expect(header?.slice(0, 3)).toEqual(['支部', '类型', '自评得分'])
    expect(rows[2]?.slice(0, 9)).toEqual(['第二党支部', '企业', 60, 1, 75, 4, 100, 1, 84.5])
    expect(rows[3]?.[0]).toBe(`'${EVIL_NAME}`)
  })

  it('lists only the filtered units and only a secretary’s own branch', async () => {
    const filtered = await fetchFile(`${base}/results.csv?subtree=${f.orgs.otherSub}`)
    const names = (await csvRows(filtered)).slice(1).map((r) => r[0])
    expect(names).toEqual(['第四党支部', '第三党支部'])
    const secretary = await fetchFile(`${base}/results.xlsx`, 'secretary')
    expect((await readXlsx(secretary)).slice(1).map((r) => r[0])).toEqual(['第一党支部'])
  })

  it('writes responses.csv one row per response, no respondent for an anonymous source, injection neutralised', async () => {
    const response = await fetchFile(`${base}/responses.csv?source=members`)
    expect(response.status).toBe(200)
    const [header, ...rows] = await csvRows(response)
    expect(header?.slice(0, 7)).toEqual([
      '编号',
      '支部',
      '类型',
      '提交时间（北京时间）',
      '得分率',
      '一票否决',
      expect.stringMatching(/^政治理论学习/),
    ])
    expect(header).toHaveLength(6 + 11)
    expect(rows).toHaveLength(13)
    const ids = rows.map((r) => Number(r[0]))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const evil = rows.find((r) => r[1] === `'${EVIL_NAME}`)
    expect(evil?.[6]).toBe('基本满意')
    expect(evil?.at(-1)).toBe(`'${EVIL_COMMENT}`)
    expect(rows[0]?.[3]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  })

  it('names the respondent of a source that is not anonymous, in responses.xlsx too', async () => {
    const response = await fetchFile(`${base}/responses.xlsx?source=self`)
    const [header, ...rows] = await readXlsx(response)
    expect(header?.slice(4, 5)).toEqual(['答卷人'])
    expect(rows.find((r) => r[1] === '第一党支部')?.[4]).toBe('secretary')
    const members = await readXlsx(await fetchFile(`${base}/responses.xlsx?source=members`))
    expect(members[0]).not.toContain('答卷人')
    expect(members.find((r) => r[1] === `'${EVIL_NAME}`)?.at(-1)).toBe(`'${EVIL_COMMENT}`)
  })

  it('exports an assessor’s subtree only, and refuses raw responses to a secretary', async () => {
    const assessor = await fetchFile(`${base}/responses.csv?source=members`, 'assessor')
    const names = new Set((await csvRows(assessor)).slice(1).map((r) => r[1]))
    expect(names).toEqual(new Set(['第一党支部', '第二党支部', `'${EVIL_NAME}`]))
    const secretary = await fetchFile(`${base}/responses.csv?source=self`, 'secretary')
    expect(secretary.status).toBe(403)
    expect(((await secretary.json()) as ErrorJson).error.code).toBe('forbidden')
  })

  it('answers 401, 403, 404 and 400 as JSON errors, not files', async () => {
    expect((await fetchFile(`${base}/results.csv`, null)).status).toBe(401)
    expect((await fetchFile(`${base}/results.xlsx`, 'outsider')).status).toBe(403)
    expect((await fetchFile('/api/campaigns/999999/results.csv')).status).toBe(404)
    const noSource = await fetchFile(`${base}/responses.csv`)
    expect([noSource.status, ((await noSource.json()) as ErrorJson).error.code]).toEqual([
      400,
      'invalidBody',
    ])
  })

  it('describes the four downloads in OpenAPI with their content types', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    const csv = spec.paths['/api/campaigns/{id}/responses.csv'].get.responses['200'].content
    expect(Object.keys(csv)).toEqual(['text/csv; charset=utf-8'])
    const xlsx = spec.paths['/api/campaigns/{id}/results.xlsx'].get.responses['200'].content
    expect(Object.keys(xlsx)).toEqual([
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ])
  })
})
