import { schema } from '@yardstick/db'
import { testStores } from '@yardstick/db/testing'
import { type FormJson, templates } from '@yardstick/sdk'
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readXlsx } from '../../test/export-files'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  completeAnswers,
  openCampaign,
  publishFormJson,
  publishTemplate,
} from '../campaigns/test-fixture'

const rated = [
  { value: 'satisfied', text: { default: '满意', en: 'Satisfied' }, score: 100, satisfied: true },
  { value: 'basic', text: { default: '基本满意', en: 'Basic' }, score: 60, satisfied: true },
  { value: 'dissatisfied', text: { default: '不满意', en: 'Dissatisfied' }, score: 0 },
]

/** An enterprise branch's own satisfaction form: two aspects of its own. */
const ENTERPRISE_SATISFACTION: FormJson = {
  title: { default: '企业党支部群众满意度测评表', en: 'Enterprise branch satisfaction' },
  kind: 'satisfaction',
  elements: ['productionRole', 'workerService'].map((name) => ({
    type: 'radiogroup',
    name,
    title: { default: `企业${name}`, en: name },
    isRequired: true,
    choices: rated,
  })),
}

describe.each(await testStores())('instruments per branch type on %s', (kind) => {
  let f: Fixture
  let admin: string
  let v: { members: number; enterprise: number; superior: number; self: number; self2: number }
  let keys = 0

  const create = (body: unknown) => f.call('POST', '/api/campaigns', { token: admin, body })
  const perType = (forms: Record<string, unknown>, overrides: Record<string, unknown> = {}) =>
    campaignBody(f, { members: v.members, superior: v.superior }, overrides).sources.map(
      (source) => (source.key === 'members' ? { ...source, formsByUnitType: forms } : source),
    )
  const submit = (slug: string, answers: unknown) =>
    f.call('POST', `/api/links/${slug}/responses`, {
      body: { answers },
      headers: { 'idempotency-key': `instruments-${++keys}` },
    })
  const campaignCount = async () =>
    Number((await f.database.db.select({ n: count() }).from(schema.campaigns))[0]?.n)

  beforeAll(async () => {
    f = await createFixture(kind)
    admin = await f.login('admin')
    const self2 = structuredClone(templates.selfCheck)
    self2.title = { default: '企业党支部自检自查表', en: 'Enterprise self-check' }
    v = {
      members: await publishTemplate(f, 'satisfaction'),
      enterprise: await publishFormJson(f, ENTERPRISE_SATISFACTION, {
        title: '企业党支部群众满意度测评表',
        hash: 'enterprise-satisfaction',
      }),
      superior: await publishTemplate(f, 'scorecard'),
      self: await publishTemplate(f, 'selfCheck'),
      self2: await publishFormJson(f, self2, { title: '企业党支部自检自查表', hash: 'self2' }),
    }
  })
  afterAll(() => f.close())

  it('creates a source with a form per branch type and reads it back with its instruments', async () => {
    const body = campaignBody(f, { members: v.members, superior: v.superior })
    const created = await create({ ...body, sources: perType({ enterprise: v.enterprise }) })
    expect(created.status).toBe(201)
    const { body: read } = await f.call('GET', `/api/campaigns/${created.body.id}`, {
      token: admin,
    })
    const members = read.sources.find((s: { key: string }) => s.key === 'members')
    expect(members.formVersion).toBe(v.members)
    expect(members.formsByUnitType).toEqual({ enterprise: v.enterprise })
    expect(members.instruments.map((i: { formVersion: number }) => i.formVersion)).toEqual([
      v.members,
      v.enterprise,
    ])
    expect(members.instruments[1].title).toBe('企业党支部群众满意度测评表')
    const superior = read.sources.find((s: { key: string }) => s.key === 'superior')
    expect(superior.formsByUnitType).toEqual({})
  })

  it('refuses an unknown type, a missing version and another kind with a 400 that names it, writing nothing', async () => {
    const before = await campaignCount()
    const body = campaignBody(f, { members: v.members, superior: v.superior })
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ factory: v.enterprise }, 'sources.0.formsByUnitType'],
      [{ school: 999_999 }, 'sources.0.formsByUnitType.school'],
      [{ school: v.superior }, 'sources.0.formsByUnitType.school'],
    ]
    for (const [forms, path] of cases) {
      const { status, body: error } = await create({ ...body, sources: perType(forms) })
      expect(status, JSON.stringify(forms)).toBe(400)
      expect(error.error.code).toBe('invalidBody')
      const paths = error.error.details.issues.map((i: { path: string | string[] }) =>
        Array.isArray(i.path) ? i.path.join('.') : i.path,
      )
      expect(
        paths.some((p: string) => p.startsWith(path)),
        paths.join(),
      ).toBe(true)
    }
    expect(await campaignCount()).toBe(before)
  })

  it('serves a branch its type’s form, the default to the others, and stores the version answered', async () => {
    const body = campaignBody(f, { members: v.members, superior: v.superior })
    const campaign = await openCampaign(f, {
      ...body,
      sources: perType({ enterprise: v.enterprise }),
    })
    const organ = campaign.slug(f.orgs.branch1, 'members')
    const enterprise = campaign.slug(f.orgs.branch2, 'members')
    const view = async (slug: string) => (await f.call('GET', `/api/links/${slug}`)).body
    expect((await view(enterprise)).form.title).toEqual(ENTERPRISE_SATISFACTION.title)
    expect((await view(organ)).form.title).toEqual(templates.satisfaction.title)

    const own = await submit(enterprise, completeAnswers(ENTERPRISE_SATISFACTION, 'basic'))
    expect(own.status).toBe(201)
    const other = await submit(organ, completeAnswers(templates.satisfaction, 'satisfied'))
    expect(other.status).toBe(201)
    const rows = await f.database.db
      .select({ unitId: schema.responses.unitId, formVersionId: schema.responses.formVersionId })
      .from(schema.responses)
      .where(eq(schema.responses.campaignId, campaign.id))
    expect(new Map(rows.map((r) => [r.unitId, r.formVersionId]))).toEqual(
      new Map([
        [f.orgs.branch1, v.members],
        [f.orgs.branch2, v.enterprise],
      ]),
    )

    // Results say which instrument each unit used; both are graded on their percent.
    const results = await f.call('GET', `/api/campaigns/${campaign.id}/results`, { token: admin })
    const unit = (id: number) => results.body.units.find((u: { unitId: number }) => u.unitId === id)
    const used = (id: number) =>
      unit(id).instruments.find((i: { source: string }) => i.source === 'members')
    expect(used(f.orgs.branch2)).toEqual({
      source: 'members',
      formVersion: v.enterprise,
      title: '企业党支部群众满意度测评表',
    })
    expect(used(f.orgs.branch1).formVersion).toBe(v.members)
    expect(unit(f.orgs.branch2).sources.members).toEqual({ value: 100, n: 1 })
    const detail = await f.call(
      'GET',
      `/api/campaigns/${campaign.id}/results/units/${f.orgs.branch2}`,
      { token: admin },
    )
    expect(detail.body.unit.instruments).toEqual(unit(f.orgs.branch2).instruments)

    // Question results one instrument at a time.
    const questions = (query: string) =>
      f.call('GET', `/api/campaigns/${campaign.id}/results/questions?source=members${query}`, {
        token: admin,
      })
    const ownReport = await questions(`&formVersion=${v.enterprise}`)
    expect(ownReport.status).toBe(200)
    expect(ownReport.body.responses).toBe(1)
    expect(ownReport.body.questions.map((q: { name: string }) => q.name)).toEqual([
      'productionRole',
      'workerService',
    ])
    expect(ownReport.body.instruments.map((i: { formVersion: number }) => i.formVersion)).toEqual([
      v.members,
      v.enterprise,
    ])
    const defaultReport = await questions('')
    expect(defaultReport.body.formVersionId).toBe(v.members)
    expect(defaultReport.body.responses).toBe(1)
    expect((await questions(`&formVersion=${v.superior}`)).status).toBe(404)

    // The raw export: which instrument, and each instrument's own answer columns.
    const raw = await f.app.request(`/api/campaigns/${campaign.id}/responses.xlsx?source=members`, {
      headers: { authorization: `Bearer ${admin}` },
    })
    const [header, ...cells] = await readXlsx(raw)
    // Not anonymous here: 答卷人 comes before 得分率.
    expect(header?.slice(4, 8)).toEqual(['答卷人', '得分率', '一票否决', '测评表'])
    const ownColumn = header?.indexOf('【企业党支部群众满意度测评表】企业productionRole') as number
    expect(ownColumn).toBeGreaterThan(7)
    const enterpriseRow = cells.find((row) => row[1] === '第二党支部')
    expect(enterpriseRow?.[7]).toBe('企业党支部群众满意度测评表')
    expect(enterpriseRow?.[ownColumn]).toBe('基本满意')
    // The other branch answered the default: its answers sit under the default's columns only.
    const organRow = cells.find((row) => row[1] === '第一党支部')
    expect(organRow?.[ownColumn] ?? null).toBeNull()
    const study = header?.findIndex((h) => String(h).startsWith('【satisfaction】政治理论学习'))
    expect(organRow?.[study as number]).toBe('满意')
    expect(enterpriseRow?.[study as number] ?? null).toBeNull()
    const file = await f.app.request(`/api/campaigns/${campaign.id}/results.xlsx`, {
      headers: { authorization: `Bearer ${admin}` },
    })
    const [resultsHeader, ...resultRows] = await readXlsx(file)
    const column = resultsHeader?.indexOf('党员群众测评测评表') as number
    expect(column).toBeGreaterThan(0)
    expect(resultRows.find((row) => row[0] === '第二党支部')?.[column]).toBe(
      '企业党支部群众满意度测评表',
    )

    // Answers exist: the instruments stay as answered.
    const refused = await f.call('PATCH', `/api/campaigns/${campaign.id}`, {
      token: admin,
      body: { sources: [{ key: 'members', formsByUnitType: {} }] },
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('responsesExist')
    expect(refused.body.error.details.fields).toEqual(['sources.0.formsByUnitType'])
  })

  it('changes a draft’s per-type forms, checking them as on creation', async () => {
    const created = await create(campaignBody(f, { members: v.members, superior: v.superior }))
    const id = created.body.id as number
    const patch = (body: unknown) => f.call('PATCH', `/api/campaigns/${id}`, { token: admin, body })
    const set = await patch({
      sources: [{ key: 'members', formsByUnitType: { school: v.enterprise } }],
    })
    expect(set.status).toBe(200)
    const read = await f.call('GET', `/api/campaigns/${id}`, { token: admin })
    const members = read.body.sources.find((s: { key: string }) => s.key === 'members')
    expect(members.formsByUnitType).toEqual({ school: v.enterprise })
    const wrongKind = await patch({
      sources: [{ key: 'members', formsByUnitType: { school: v.superior } }],
    })
    expect(wrongKind.status).toBe(400)
    expect(wrongKind.body.error.details.issues[0].path).toBe('sources.0.formsByUnitType.school')
    // A new default of another kind no longer fits the per-type form it keeps.
    const wrongDefault = await patch({ sources: [{ key: 'members', formVersion: v.superior }] })
    expect(wrongDefault.status).toBe(400)
    const cleared = await patch({ sources: [{ key: 'members', formsByUnitType: {} }] })
    expect(cleared.status).toBe(200)
    const rows = await f.database.db
      .select()
      .from(schema.campaignSourceForms)
      .where(eq(schema.campaignSourceForms.campaignId, id))
    expect(rows).toEqual([])
  })

  it('gives a branch its type’s self-check form', async () => {
    const body = campaignBody(f, { members: v.members, self: v.self })
    const sources = body.sources.map((source) =>
      source.key === 'self' ? { ...source, formsByUnitType: { enterprise: v.self2 } } : source,
    )
    const campaign = await openCampaign(f, { ...body, sources })
    const check = (unitId: number) =>
      f.call('GET', `/api/campaigns/${campaign.id}/self-checks/${unitId}`, { token: admin })
    expect((await check(f.orgs.branch2)).body.formVersionId).toBe(v.self2)
    expect((await check(f.orgs.branch1)).body.formVersionId).toBe(v.self)
  })
})
