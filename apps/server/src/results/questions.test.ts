import { testStores } from '@yardstick/db/testing'
import { type Answers, type FormJson, summarizeSatisfaction } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import type { QuestionStats } from './question-stats'
import { insertResponses, seedCampaign, type TestResponse } from './test-campaign'
import { TEST_BANDS } from './test-forms'

const scale = [
  { value: 'satisfied', text: '满意', score: 100, satisfied: true },
  { value: 'basic', text: '基本满意', score: 60, satisfied: true },
  { value: 'dissatisfied', text: '不满意', score: 0, satisfied: false },
]
const FORM: FormJson = {
  kind: 'satisfaction',
  elements: [
    { type: 'html', name: 'intro', html: '<p>请如实填写</p>' },
    { type: 'radiogroup', name: 'study', title: { default: '学习', en: 'Study' }, choices: scale },
    { type: 'radiogroup', name: 'service', title: '服务', choices: scale },
    // Members who are dissatisfied with service say why: hidden otherwise, never answered then.
    { type: 'radiogroup', name: 'why', choices: scale, visibleIf: "{service} = 'dissatisfied'" },
    {
      type: 'checkbox',
      name: 'topics',
      choices: [
        { value: 'rules', score: 1 },
        { value: 'history', score: 1 },
        { value: 'policy', score: 1 },
      ],
    },
    { type: 'text', name: 'hours', inputType: 'number', maxScore: 40 },
    { type: 'rating', name: 'stars' },
    { type: 'boolean', name: 'attended' },
    { type: 'comment', name: 'suggestions' },
  ],
}
const choices = ['satisfied', 'basic', 'dissatisfied'] as const

function answersFor(i: number): Answers {
  const answers: Answers = { study: choices[i % 3], service: choices[(i * 7) % 3] }
  if (answers.service === 'dissatisfied' && i % 4 !== 0) answers.why = choices[(i * 5) % 3]
  if (i % 5 !== 0)
    answers.topics = ['rules', 'history', 'policy'].filter((_, k) => (i + k) % 2 === 0)
  if (i % 3 !== 0) answers.hours = (i * 3) % 41
  answers.stars = (i % 5) + 1
  answers.attended = i % 4 !== 1
  if (i % 6 === 0) answers.suggestions = `=HYPERLINK("http://x/${i}")`
  return answers
}

describe.each(await testStores())('GET /api/campaigns/:id/results/questions on %s', (kind) => {
  let f: Fixture
  let url: string
  let byUnit: Map<number, Answers[]>
  let admin: string

  beforeAll(async () => {
    f = await createFixture(kind)
    const { branch1, branch2, branch3 } = f.orgs
    const campaign = await seedCampaign(f.database.db, {
      orgId: f.orgs.committee,
      unitIds: [branch1, branch2, branch3],
      sources: [{ key: 'members', weight: 1, measure: 'satisfactionRate', form: FORM }],
      bands: TEST_BANDS,
    })
    const units = [branch1, branch2, branch3]
    const responses: TestResponse[] = Array.from({ length: 45 }, (_, i) => ({
      unitId: units[i % 3] as number,
      source: 'members',
      answers: answersFor(i),
    }))
    await insertResponses(f.database.db, campaign, responses)
    byUnit = new Map(
      units.map((id) => [id, responses.filter((r) => r.unitId === id).map((r) => r.answers)]),
    )
    url = `/api/campaigns/${campaign.id}/results/questions?source=members`
    admin = await f.login('admin')
  })
  afterAll(() => f.close())

  const answersOf = (...units: number[]) => units.flatMap((id) => byUnit.get(id) ?? [])
  const get = async (path: string, token = admin) => f.call('GET', path, { token })
  const question = (body: { questions: Array<{ name: string }> }, name: string) =>
    body.questions.find((q) => q.name === name) as QuestionStats

  it('equals summarizeSatisfaction on the same answers, per question and overall', async () => {
    const { status, body } = await get(url)
    expect(status).toBe(200)
    const sdk = summarizeSatisfaction(
      FORM,
      answersOf(f.orgs.branch1, f.orgs.branch2, f.orgs.branch3),
    )
    expect(body.overall).toEqual(sdk.overall)
    for (const name of ['study', 'service', 'why']) {
      const expected = sdk.questions[name]
      expect(question(body, name)).toMatchObject({
        answered: expected?.answered,
        counts: expected?.counts,
        satisfactionRate: expected?.rate,
        mean: expected?.index,
      })
    }
    expect(body).toMatchObject({ source: 'members', responses: 45 })
  })

  it('lists every answerable question in form order, with titles in Chinese', async () => {
    const { body } = await get(url)
    expect(body.questions.map((q: { name: string }) => q.name)).toEqual([
      'study',
      'service',
      'why',
      'topics',
      'hours',
      'stars',
      'attended',
      'suggestions',
    ])
    expect(question(body, 'study').title).toBe('学习')
    expect(question(body, 'why').title).toBe('why')
  })

  it('names each choice in Chinese and English, falling back to its value', async () => {
    const { body } = await get(url)
    expect(question(body, 'study').choiceTexts).toEqual({
      satisfied: { 'zh-CN': '满意', en: '满意' },
      basic: { 'zh-CN': '基本满意', en: '基本满意' },
      dissatisfied: { 'zh-CN': '不满意', en: '不满意' },
    })
    expect(question(body, 'topics').choiceTexts.rules).toEqual({ 'zh-CN': 'rules', en: 'rules' })
    expect(question(body, 'hours').choiceTexts).toEqual({})
  })

  it('counts checkbox values per respondent, with shares of those who answered', async () => {
    const answers = answersOf(f.orgs.branch1, f.orgs.branch2, f.orgs.branch3)
    const lists = answers.flatMap((a) =>
      Array.isArray(a.topics) && a.topics.length ? [a.topics] : [],
    )
    const count = (value: string) => lists.filter((list) => list.includes(value)).length
    const topics = question((await get(url)).body, 'topics')
    expect(topics.answered).toBe(lists.length)
    expect(topics.counts).toEqual({
      rules: count('rules'),
      history: count('history'),
      policy: count('policy'),
    })
    expect(topics.shares.rules).toBe(count('rules') / lists.length)
    expect(topics.mean).toBeNull()
  })

  it('gives means of numbers and ratings, counts of booleans, and only a count for free text', async () => {
    const answers = answersOf(f.orgs.branch1, f.orgs.branch2, f.orgs.branch3)
    const hours = answers.flatMap((a) => (typeof a.hours === 'number' ? [a.hours] : []))
    const { body } = await get(url)
    expect(question(body, 'hours')).toMatchObject({
      answered: hours.length,
      satisfactionRate: null,
    })
    expect(question(body, 'hours').mean).toBeCloseTo(
      hours.reduce((s, h) => s + h, 0) / hours.length,
      12,
    )
    expect(question(body, 'stars').mean).toBeCloseTo(
      answers.reduce((s, a) => s + (a.stars as number), 0) / 45,
      12,
    )
    expect(question(body, 'stars').counts['3']).toBe(answers.filter((a) => a.stars === 3).length)
    expect(question(body, 'attended').counts).toEqual({
      true: answers.filter((a) => a.attended === true).length,
      false: answers.filter((a) => a.attended === false).length,
    })
    expect(question(body, 'suggestions')).toMatchObject({ answered: 8, counts: {}, mean: null })
  })

  it('covers only the filtered units: a subtree, a branch type', async () => {
    const sub = await get(`${url}&subtree=${f.orgs.sub}`)
    const subSdk = summarizeSatisfaction(FORM, answersOf(f.orgs.branch1, f.orgs.branch2))
    expect(sub.body.overall).toEqual(subSdk.overall)
    expect(sub.body.responses).toBe(30)
    const school = await get(`${url}&unitType=school`)
    expect(school.body.overall).toEqual(
      summarizeSatisfaction(FORM, answersOf(f.orgs.branch3)).overall,
    )
  })

  it('covers only a secretary’s own branch and an assessor’s subtree', async () => {
    const secretary = await get(url, await f.login('secretary'))
    expect(secretary.body.responses).toBe(15)
    expect(secretary.body.overall).toEqual(
      summarizeSatisfaction(FORM, answersOf(f.orgs.branch1)).overall,
    )
    const assessor = await get(url, await f.login('assessor'))
    expect(assessor.body.responses).toBe(30)
  })

  it('answers 400 without a source, 404 for a source the campaign lacks or no campaign, 403 for an outsider', async () => {
    const bare = url.replace('?source=members', '')
    expect((await get(bare)).body.error.code).toBe('invalidBody')
    const noSelf = await get(url.replace('members', 'self'))
    expect([noSelf.status, noSelf.body.error.code]).toEqual([404, 'notFound'])
    expect((await get('/api/campaigns/999999/results/questions?source=members')).status).toBe(404)
    const outsider = await get(url, await f.login('outsider'))
    expect([outsider.status, outsider.body.error.code]).toEqual([403, 'forbidden'])
    expect((await f.call('GET', url)).status).toBe(401)
  })
})
