import { testStores } from '@yardstick/db/testing'
import { extensionProperties, type FormJson, templates } from '@yardstick/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import {
  campaignBody,
  openCampaign,
  publishFormJson,
  publishSourceTemplates,
} from '../campaigns/test-fixture'

/**
 * Every property a respondent's link view may carry, per kind of node and element type, over
 * the templates answered through links and a quiz using every SurveyJS feature that computes on
 * answers. A property that appears in a view and is not listed here fails the test: it must be
 * added here on purpose (and to `RESPONDENT_PROPERTIES`).
 */
const MAY_GO_OUT: Record<string, readonly string[]> = {
  form: ['title', 'description', 'kind', 'pages'],
  page: ['name', 'title', 'description', 'elements', 'visibleIf'],
  radiogroup: ['type', 'name', 'title', 'description', 'isRequired', 'choices', 'visibleIf'],
  checkbox: ['type', 'name', 'title', 'choices'],
  text: [
    'type',
    'name',
    'title',
    'description',
    'isRequired',
    'inputType',
    'min',
    'max',
    'validators',
  ],
  comment: ['type', 'name', 'title', 'visibleIf'],
  multipletext: ['type', 'name', 'title', 'isRequired', 'items', 'visibleIf'],
  expression: ['type', 'name', 'title'],
  html: ['type', 'name', 'html'],
  matrixdropdown: ['type', 'name', 'title', 'columns', 'rows'],
  choice: ['value', 'text'],
  column: ['name', 'title', 'cellType', 'choices'],
  item: ['name', 'title'],
  validator: ['type', 'minValue', 'maxValue'],
}
/** What an assessor's scorecard (`superior`) shows besides, to ask for reasons on the page. */
const ASSESSOR_MAY_SEE: Record<string, readonly string[]> = {
  text: ['scoreKind', 'maxScore'],
  radiogroup: ['scoreKind', 'maxScore'],
  choice: ['score', 'veto'],
}

/** A quiz that tries every way SurveyJS has of computing on its answers. */
const LEAKY_QUIZ: FormJson = {
  kind: 'quiz',
  title: '知识测试',
  calculatedValues: [{ name: 'right', expression: "iif({q1} = 'B', 1, 0)" }],
  triggers: [{ type: 'setvalue', expression: "{q1} = 'B'", setToName: 'note', setValue: 'ok' }],
  completedHtmlOnCondition: [{ expression: "{q1} = 'B'", html: '答对了' }],
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          title: '党的最高理想是？',
          correctAnswer: 'B',
          points: 2,
          choices: [
            { value: 'A', text: '甲', score: 0 },
            { value: 'B', text: '乙', score: 2 },
          ],
        },
        { type: 'expression', name: 'calc', title: '得分', expression: "iif({q1} = 'B', 2, 0)" },
        { type: 'html', name: 'praise', html: '<p>答对了</p>', visibleIf: "{q1} = 'B'" },
        {
          type: 'text',
          name: 'age',
          title: '党龄',
          inputType: 'number',
          defaultValueExpression: "iif({q1} = 'B', 1, 0)",
          validators: [
            { type: 'expression', expression: "{q1} = 'B'" },
            { type: 'numeric', minValue: 0, maxValue: 80 },
          ],
        },
        {
          type: 'matrixdropdown',
          name: 'grid',
          title: '表格',
          columns: [
            {
              name: 'c1',
              title: '选项',
              cellType: 'dropdown',
              choices: [{ value: 1, text: '一', score: 5 }],
              correctAnswer: 1,
            },
          ],
          rows: [{ value: 'r1', text: '第一行', score: 3 }],
        },
      ],
    },
  ],
}

/** Each node of a view's form, by kind of node (a question by its type), with its properties. */
function propertiesByKind(form: unknown): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  const note = (kind: string, node: Record<string, unknown>) => {
    const names = found.get(kind) ?? new Set<string>()
    for (const key of Object.keys(node)) names.add(key)
    found.set(kind, names)
  }
  const nodes = (value: unknown) =>
    (Array.isArray(value) ? value : []).filter(
      (v): v is Record<string, any> => v !== null && typeof v === 'object',
    )
  const element = (el: Record<string, any>) => {
    note(String(el.type), el)
    for (const child of [...nodes(el.elements), ...nodes(el.templateElements)]) element(child)
    for (const c of [...nodes(el.choices), ...nodes(el.rateValues), ...nodes(el.rows)]) {
      note('choice', c)
    }
    for (const column of nodes(el.columns)) {
      if (el.type === 'matrix') note('choice', column)
      else {
        note('column', column)
        for (const c of nodes(column.choices)) note('choice', c)
      }
    }
    for (const item of nodes(el.items)) note('item', item)
    for (const validator of nodes(el.validators)) note('validator', validator)
  }
  const root = form as Record<string, any>
  note('form', root)
  for (const page of nodes(root.pages)) {
    note('page', page)
    for (const el of nodes(page.elements)) element(el)
  }
  for (const el of nodes(root.elements)) element(el)
  return found
}

describe.each(await testStores())('what a link view sends out on %s', (kind) => {
  let f: Fixture
  let versions: Record<'members' | 'superior' | 'quiz' | 'peer' | 'leaky', number>

  beforeAll(async () => {
    f = await createFixture(kind)
    versions = {
      ...(await publishSourceTemplates(f)),
      leaky: await publishFormJson(f, LEAKY_QUIZ, { title: 'leaky', hash: 'leaky-quiz' }),
    }
  })
  afterAll(() => f.close())

  it('holds only the listed properties per element type, and no answer key or score', async () => {
    const members = (formVersion: number, anonymous = false) => [
      { key: 'members', formVersion, weight: 1, anonymous },
    ]
    const surveys = await openCampaign(f, campaignBody(f, versions))
    const peer = await openCampaign(
      f,
      campaignBody(f, versions, { sources: members(versions.peer) }),
    )
    const leaky = await openCampaign(
      f,
      campaignBody(f, versions, { sources: members(versions.leaky), showScore: true }),
    )
    const quiz = await openCampaign(
      f,
      campaignBody(f, versions, { sources: members(versions.quiz, true), showScore: true }),
    )
    const issued = await f.call('POST', `/api/campaigns/${quiz.id}/tokens`, {
      token: quiz.admin,
      body: { unitId: f.orgs.branch1, source: 'members', count: 1 },
    })
    const [token] = issued.body.tokens as string[]
    const views = {
      satisfaction: `/api/links/${surveys.slug(f.orgs.branch1, 'members')}`,
      scorecard: `/api/links/${surveys.slug(f.orgs.branch1, 'superior')}`,
      peer: `/api/links/${peer.slug(f.orgs.branch1, 'members')}`,
      leaky: `/api/links/${leaky.slug(f.orgs.branch1, 'members')}`,
      quiz: `/api/links/${quiz.slug(f.orgs.branch1, 'members')}?token=${token}`,
    }
    const extensions = extensionProperties()
    const scoringExtensions = new Set(
      [...extensions.survey, ...extensions.page, ...extensions.question, ...extensions.itemvalue]
        // A form's kind says which page to show; it scores nothing.
        .filter((name) => name !== 'kind'),
    )
    for (const [name, path] of Object.entries(views)) {
      const { status, body } = await f.call('GET', path)
      expect(status, name).toBe(200)
      const assessor = name === 'scorecard'
      for (const [nodeKind, properties] of propertiesByKind(body.form)) {
        const allowed = new Set([
          ...(MAY_GO_OUT[nodeKind] ?? []),
          ...(assessor ? (ASSESSOR_MAY_SEE[nodeKind] ?? []) : []),
        ])
        const extra = [...properties].filter((p) => !allowed.has(p))
        expect(extra, `${name}: ${nodeKind}`).toEqual([])
        const scoring = [...properties].filter((p) => scoringExtensions.has(p))
        expect(scoring, `${name}: ${nodeKind}`).toEqual(
          assessor ? scoring.filter((p) => ASSESSOR_MAY_SEE[nodeKind]?.includes(p)) : [],
        )
      }
      const text = JSON.stringify(body)
      expect(text, name).not.toContain('correctAnswer')
      // Nothing that computes on the answers: no expression reading a quiz question's answer.
      expect(text, name).not.toContain('{q1}')
    }
    // The assessor's page still has what it checks reasons against.
    const scorecard = JSON.stringify((await f.call('GET', views.scorecard)).body.form)
    for (const name of ['"maxScore"', '"scoreKind"', '"veto"']) expect(scorecard).toContain(name)
    // The leaky quiz still renders its questions, choices and harmless checks.
    const leakyForm = (await f.call('GET', views.leaky)).body.form
    expect(leakyForm.pages[0].elements.map((e: { name: string }) => e.name)).toEqual([
      'q1',
      'calc',
      'praise',
      'age',
      'grid',
    ])
    expect(leakyForm.pages[0].elements[0].choices).toEqual([
      { value: 'A', text: '甲' },
      { value: 'B', text: '乙' },
    ])
    expect(leakyForm.pages[0].elements[3].validators).toEqual([
      { type: 'numeric', minValue: 0, maxValue: 80 },
    ])
    expect(templates.quiz.kind).toBe('quiz')
  })
})
