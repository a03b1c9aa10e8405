import { Model } from 'survey-core'
import { describe, expect, it } from 'vitest'
import '../extensions'
import { drawQuestions } from '../draw'
import { scoreResponse } from '../score'
import type { Answers, ChoiceJson, ElementJson, FormJson, PageJson } from '../types'
import { validateForm } from '../validate-form'
import { type TemplateId, templates } from './index'

const KINDS: Record<TemplateId, FormJson['kind']> = {
  selfCheck: 'selfCheck',
  satisfaction: 'satisfaction',
  scorecard: 'scorecard',
  scorecardEnterprise: 'scorecard',
  scorecardPublicInstitution: 'scorecard',
  scorecardSchool: 'scorecard',
  scorecardHospital: 'scorecard',
  scorecardResearch: 'scorecard',
  scorecardSocialOrganization: 'scorecard',
  scorecardRetired: 'scorecard',
  quiz: 'quiz',
  peerAppraisal: 'generic',
  debriefing: 'generic',
}

const ids = Object.keys(KINDS) as TemplateId[]

/** Properties whose value a respondent or an editor reads. */
const USER_FACING = new Set(['title', 'description', 'text', 'placeholder', 'completedHtml'])

function pagesOf(form: FormJson): PageJson[] {
  return form.pages ?? []
}

/** Every question and panel, nested, in document order. */
function elementsOf(form: FormJson): ElementJson[] {
  const all: ElementJson[] = []
  const visit = (elements: ElementJson[] | undefined) => {
    for (const element of elements ?? []) {
      all.push(element)
      visit(element.elements)
    }
  }
  for (const page of pagesOf(form)) visit(page.elements)
  return all
}

function questionsOf(form: FormJson): ElementJson[] {
  return elementsOf(form).filter((e) => e.type !== 'panel')
}

function choicesOf(question: ElementJson): ChoiceJson[] {
  return (question.choices ?? []) as ChoiceJson[]
}

/** Paths of user-facing strings that are not `{ default, en }` with both non-empty. */
function unlocalised(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => unlocalised(v, `${path}[${i}]`))
  if (!value || typeof value !== 'object') return []
  const found: string[] = []
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key
    if (USER_FACING.has(key)) {
      const text = v as Record<string, unknown>
      const ok =
        text !== null &&
        typeof text === 'object' &&
        typeof text.default === 'string' &&
        text.default.trim() !== '' &&
        typeof text.en === 'string' &&
        text.en.trim() !== ''
      if (!ok) found.push(at)
    } else {
      found.push(...unlocalised(v, at))
    }
  }
  return found
}

describe.each(ids)('template %s', (id) => {
  const form = templates[id]

  it('loads in SurveyJS without JSON errors', () => {
    const model = new Model(form)
    expect(model.jsonErrors ?? []).toEqual([])
    expect(model.getAllQuestions().length).toBe(questionsOf(form).length)
  })

  it('passes validateForm with no errors and no warnings', () => {
    const result = validateForm(form)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('declares its kind, a title and a description', () => {
    expect(form.kind).toBe(KINDS[id])
    expect(form.title).toBeDefined()
    expect(form.description).toBeDefined()
  })

  it('names every page and question explicitly, uniquely and in ASCII', () => {
    const names = [...pagesOf(form), ...elementsOf(form)].map((e) => e.name)
    for (const name of names) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/)
    expect(new Set(names).size).toBe(names.length)
  })

  it('gives every user-facing string a Chinese default and an English translation', () => {
    expect(unlocalised(form)).toEqual([])
  })
})

describe('self-check template', () => {
  const form = templates.selfCheck
  const items = questionsOf(form).filter((q) => choicesOf(q).some((c) => c.problem))

  it('has exactly 17 yes/no items across the four strengths, one page each', () => {
    expect(items).toHaveLength(17)
    const dimensions = (form.dimensions ?? []).map((d) => d.name)
    expect(dimensions).toEqual([
      'politicalFunction',
      'branchCommittee',
      'memberTeam',
      'roleFulfilment',
    ])
    for (const d of form.dimensions ?? []) expect(d.weight).toBe(1)
    for (const name of dimensions) {
      const page = pagesOf(form).find((p) => p.name === name)
      const pageItems = (page?.elements ?? []).filter((e) => e.type === 'radiogroup')
      expect(pageItems.length).toBeGreaterThan(0)
      for (const item of pageItems) expect(item.dimension).toBe(name)
    }
  })

  it('scores yes 1 and no 0, and opens a problem on no', () => {
    for (const item of items) {
      expect(item.type).toBe('radiogroup')
      expect(item.isRequired).toBe(true)
      expect(item.choices).toEqual([
        { value: 'yes', text: { default: '是', en: 'Yes' }, score: 1 },
        { value: 'no', text: { default: '否', en: 'No' }, score: 0, problem: true },
      ])
    }
  })

  it('follows every item with its problem entry, shown only on no', () => {
    for (const page of pagesOf(form)) {
      const elements = page.elements ?? []
      elements.forEach((element, i) => {
        if (!items.includes(element)) return
        const followUp = elements[i + 1]
        expect(followUp).toMatchObject({
          type: 'multipletext',
          name: `${element.name}_problem`,
          problemOf: element.name,
          visibleIf: `{${element.name}} = 'no'`,
          isRequired: true,
        })
        const entries = (followUp?.items ?? []) as Array<{ name: string; inputType?: string }>
        expect(entries.map((e) => e.name)).toEqual(['description', 'measure', 'owner', 'deadline'])
        expect(entries.find((e) => e.name === 'deadline')?.inputType).toBe('date')
      })
    }
  })

  it('shows a problem entry in SurveyJS only after no is chosen', () => {
    const model = new Model(form)
    const followUp = model.getQuestionByName('partyDues_problem')
    expect(followUp.isVisible).toBe(false)
    model.setValue('partyDues', 'no')
    expect(followUp.isVisible).toBe(true)
  })
})

describe('satisfaction template', () => {
  const items = questionsOf(templates.satisfaction).filter((q) => q.type === 'radiogroup')

  it('rates at least eight aspects as satisfied, basically satisfied or dissatisfied', () => {
    expect(items.length).toBeGreaterThanOrEqual(8)
    for (const item of items) {
      expect(item.isRequired).toBe(true)
      expect(
        choicesOf(item).map(({ value, score, satisfied }) => ({ value, score, satisfied })),
      ).toEqual([
        { value: 'satisfied', score: 100, satisfied: true },
        { value: 'basic', score: 60, satisfied: true },
        { value: 'dissatisfied', score: 0, satisfied: false },
      ])
    }
  })

  it('ends with optional suggestions', () => {
    const last = questionsOf(templates.satisfaction).at(-1)
    expect(last).toMatchObject({ type: 'comment', name: 'suggestions' })
    expect(last?.isRequired).toBeUndefined()
  })
})

describe('scorecard template', () => {
  const form = templates.scorecard
  const indicators = questionsOf(form).filter((q) => q.dimension !== undefined)

  it('weights each of the six dimensions by the points of its indicators, 100 in all', () => {
    const dimensions = form.dimensions ?? []
    expect(dimensions.map((d) => d.name)).toEqual([
      'basicOrganization',
      'basicTeam',
      'basicActivities',
      'basicSystems',
      'basicSupport',
      'featured',
    ])
    for (const dimension of dimensions) {
      const own = indicators.filter((q) => q.dimension === dimension.name)
      const count = dimension.name === 'featured' ? [2, 3] : [3, 4, 5]
      expect(count).toContain(own.length)
      expect(dimension.weight).toBe(own.reduce((sum, q) => sum + (q.maxScore ?? 0), 0))
    }
    expect(dimensions.reduce((sum, d) => sum + (d.weight ?? 0), 0)).toBe(100)
  })

  it('enters each indicator as a required number from 0 to its points, with a scoring standard', () => {
    for (const q of indicators) {
      expect(q).toMatchObject({ type: 'text', inputType: 'number', min: 0, isRequired: true })
      expect(q.max).toBe(q.maxScore)
      expect(q.description).toBeDefined()
    }
  })

  it('adds an innovation bonus of at most 5 and a veto item', () => {
    expect(form.bonusCap).toBe(5)
    const all = questionsOf(form)
    const bonus = all.find((q) => q.name === 'innovationBonus')
    expect(bonus).toMatchObject({
      type: 'text',
      inputType: 'number',
      scoreKind: 'bonus',
      maxScore: 5,
    })
    expect(bonus?.dimension).toBeUndefined()
    const veto = all.find((q) => q.name === 'veto')
    expect(all.map((q) => q.name).slice(-3)).toEqual(['innovationBonus', 'deduction', 'veto'])
    expect(veto).toMatchObject({ type: 'radiogroup', isRequired: true })
    expect(
      choicesOf(veto as ElementJson).map(({ value, veto, score }) => ({ value, veto, score })),
    ).toEqual([
      { value: 'no', veto: undefined, score: undefined },
      { value: 'yes', veto: true, score: undefined },
    ])
  })

  it('takes at most 10 points off with a deduction item, outside every dimension', () => {
    const deduction = questionsOf(form).find((q) => q.name === 'deduction')
    expect(deduction).toMatchObject({
      type: 'text',
      inputType: 'number',
      scoreKind: 'deduction',
      min: 0,
      max: 10,
      maxScore: 10,
    })
    expect(deduction?.dimension).toBeUndefined()
    expect(deduction?.isRequired).toBeUndefined()
  })

  it('rejects a point entry above the indicator maximum in SurveyJS', () => {
    const model = new Model(form)
    const question = model.getQuestionByName('branchSetup')
    question.value = 7
    expect(question.validate()).toBe(false)
    question.value = 6
    expect(question.validate()).toBe(true)
  })
})

describe('quiz template', () => {
  const form = templates.quiz
  const bank = pagesOf(form).find((p) => p.name === 'bank')
  const questions = bank?.elements ?? []

  it('holds a bank of at least 100 questions of which 30 are drawn', () => {
    expect(bank?.drawCount).toBe(30)
    expect(questions.length).toBeGreaterThanOrEqual(100)
    expect(pagesOf(form).map((p) => p.name)).toEqual(['info', 'bank'])
    const info = pagesOf(form)[0]?.elements ?? []
    for (const q of info) expect(q.isRequired).toBeUndefined()
  })

  it('gives every question one point and a correct answer among its choices', () => {
    for (const q of questions) {
      expect(q.points).toBe(1)
      expect(q.visibleIf).toBeUndefined()
      const values = choicesOf(q).map((c) => c.value)
      if (q.type === 'checkbox') {
        expect(Array.isArray(q.correctAnswer)).toBe(true)
        for (const v of q.correctAnswer as unknown[]) expect(values).toContain(v)
        continue
      }
      expect(q.type).toBe('radiogroup')
      expect(values).toContain(q.correctAnswer)
      const trueFalse = values.join() === 'T,F'
      expect(trueFalse || values.join() === 'A,B,C,D').toBe(true)
    }
  })

  it('mixes four-choice, true/false and multiple-choice questions', () => {
    const kinds = questions.map((q) =>
      q.type === 'checkbox' ? 'multiple' : choicesOf(q).length === 2 ? 'trueFalse' : 'single',
    )
    for (const kind of ['single', 'trueFalse', 'multiple']) expect(kinds).toContain(kind)
  })

  it('is graded all correct by SurveyJS itself when every answer key is given', () => {
    const model = new Model(form)
    model.data = Object.fromEntries(questions.map((q) => [q.name, q.correctAnswer]))
    expect(model.getCorrectAnswerCount()).toBe(questions.length)
  })
})

describe('peer appraisal template', () => {
  it('rates the member overall and on four aspects from excellent to unqualified', () => {
    const questions = questionsOf(templates.peerAppraisal)
    expect(questions[0]).toMatchObject({ type: 'text', name: 'memberName' })
    const ratings = questions.filter((q) => q.type === 'radiogroup')
    expect(ratings.map((q) => q.name)).toEqual([
      'overall',
      'political',
      'study',
      'duty',
      'discipline',
    ])
    for (const q of ratings) {
      expect(q.isRequired).toBe(true)
      expect(choicesOf(q).map(({ value, score }) => ({ value, score }))).toEqual([
        { value: 'excellent', score: 100 },
        { value: 'qualified', score: 80 },
        { value: 'basicallyQualified', score: 60 },
        { value: 'unqualified', score: 0 },
      ])
    }
    expect(questions.at(-1)).toMatchObject({ type: 'comment', name: 'remarks' })
  })
})

describe('debriefing template', () => {
  it('rates the secretary’s report on four items and overall from good to poor', () => {
    const questions = questionsOf(templates.debriefing)
    const ratings = questions.filter((q) => q.type === 'radiogroup')
    expect(ratings.map((q) => q.name)).toEqual([
      'responsibility',
      'organization',
      'integrity',
      'service',
      'overall',
    ])
    for (const q of ratings) {
      expect(q.isRequired).toBe(true)
      expect(choicesOf(q).map(({ value, score }) => ({ value, score }))).toEqual([
        { value: 'good', score: 100 },
        { value: 'fairlyGood', score: 80 },
        { value: 'average', score: 60 },
        { value: 'poor', score: 0 },
      ])
    }
    expect(questions.at(-1)).toMatchObject({ type: 'comment', name: 'remarks' })
  })
})

describe('scoring a full response to each template', () => {
  it('scores a self-check with two problems and lists them with their rectification', () => {
    const answers: Answers = {}
    for (const q of questionsOf(templates.selfCheck)) {
      if (choicesOf(q).some((c) => c.problem)) answers[q.name] = 'yes'
    }
    answers.timelyElection = 'no'
    answers.timelyElection_problem = {
      description: '支部委员会任期已满4个月未换届',
      measure: '报上级党组织批准后召开党员大会选举',
      owner: '支部书记',
      deadline: '2025-06-30',
    }
    answers.partyDues = 'no'
    answers.partyDues_problem = {
      description: '2名党员未按月交纳党费',
      measure: '逐一提醒并补交',
      owner: '组织委员',
      deadline: '2025-04-30',
    }
    answers.comment = '无'

    const result = scoreResponse(templates.selfCheck, answers)
    // 17 items, 15 yes: score 15 of 17.
    expect(result.score).toBe(15)
    expect(result.maxScore).toBe(17)
    // politicalFunction 5/5 = 100, branchCommittee 3/4 = 75, memberTeam 3/4 = 75,
    // roleFulfilment 4/4 = 100; weights 1 each: (100 + 75 + 75 + 100) / 4 = 87.5
    expect(result.dimensions.politicalFunction?.percent).toBe(100)
    expect(result.dimensions.branchCommittee?.percent).toBe(75)
    expect(result.dimensions.memberTeam?.percent).toBe(75)
    expect(result.dimensions.roleFulfilment?.percent).toBe(100)
    expect(result.percent).toBe(87.5)
    expect(result.veto).toBe(false)
    expect(result.problems.map((p) => [p.question, p.title, p.note])).toEqual([
      ['timelyElection', '是否按期换届', '支部委员会任期已满4个月未换届'],
      ['partyDues', '是否按时足额交纳党费', '2名党员未按月交纳党费'],
    ])
    expect(result.problems[1]?.details).toEqual(answers.partyDues_problem)
  })

  it('scores a satisfaction survey and its satisfaction rate', () => {
    const aspects = questionsOf(templates.satisfaction).filter((q) => q.type === 'radiogroup')
    expect(aspects).toHaveLength(10)
    const given = ['satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied', 'satisfied']
    given.push('basic', 'basic', 'dissatisfied', 'dissatisfied')
    const answers: Answers = Object.fromEntries(aspects.map((q, i) => [q.name, given[i]]))
    answers.suggestions = '希望多开展主题党日活动'

    const result = scoreResponse(templates.satisfaction, answers)
    // 6 × 100 + 2 × 60 + 2 × 0 = 720 of 10 × 100 = 1000: 72 %
    expect(result.score).toBe(720)
    expect(result.maxScore).toBe(1000)
    expect(result.percent).toBe(72)
    // (6 + 2) satisfied of 10 answered: rate 0.8; index = 720 / 10 = 72
    expect(result.satisfaction).toEqual({ satisfied: 8, answered: 10, rate: 0.8, index: 72 })
  })

  it('scores a scorecard with a bonus, and vetoes it on a veto answer', () => {
    const answers: Answers = {
      // basicOrganization 6 + 6 + 3 + 4 = 19 of 20
      branchSetup: 6,
      election: 6,
      partyGroups: 3,
      membershipRecords: 4,
      // basicTeam 5 + 5 + 4 + 4 = 18 of 20
      secretary: 5,
      committeeMembers: 5,
      memberEducation: 4,
      memberDevelopment: 4,
      // basicActivities 5 + 4 + 5 + 4 = 18 of 20
      threeMeetingsOneLesson: 5,
      themePartyDay: 4,
      lifeMeetingAndAppraisal: 5,
      heartToHeartTalks: 4,
      // basicSystems 5 + 4 + 3 = 12 of 15
      democraticCentralism: 5,
      partyAffairsOpenness: 4,
      recordKeeping: 3,
      // basicSupport 5 + 5 + 5 = 15 of 15
      venue: 5,
      funding: 5,
      informatization: 5,
      // featured 4 + 3 = 7 of 10
      servingCentre: 4,
      contactMasses: 3,
      innovationBonus: 3,
      veto: 'no',
    }
    const result = scoreResponse(templates.scorecard, answers)
    // 19 + 18 + 18 + 12 + 15 + 7 = 89 of 100, plus a bonus of 3 (not in the maximum): 92
    expect(result.score).toBe(92)
    expect(result.maxScore).toBe(100)
    // (20 × 95 + 20 × 90 + 20 × 90 + 15 × 80 + 15 × 100 + 10 × 70) / 100 = 8900 / 100 = 89,
    // plus the bonus outside every dimension: 3 / 100 × 100 = 3 points of percent → 92
    expect(result.dimensions.basicOrganization?.percent).toBe(95)
    expect(result.dimensions.basicSystems?.percent).toBe(80)
    expect(result.dimensions.featured?.percent).toBe(70)
    expect(result.percent).toBe(92)
    expect(result.veto).toBe(false)

    const vetoed = scoreResponse(templates.scorecard, { ...answers, veto: 'yes' })
    expect(vetoed.veto).toBe(true)
    expect(vetoed.score).toBe(92)

    // A deduction of 4 takes 4 points off the score and 4 of percent (outside every dimension).
    const deducted = scoreResponse(templates.scorecard, { ...answers, deduction: 4 })
    expect(deducted.score).toBe(88)
    expect(deducted.maxScore).toBe(100)
    expect(deducted.percent).toBe(88)
  })

  it('scores only the 30 questions drawn for a respondent', () => {
    const seed = 'member-42'
    const drawn = drawQuestions(templates.quiz, seed)
    expect(drawn).toHaveLength(30)
    const byName = new Map(questionsOf(templates.quiz).map((q) => [q.name, q]))
    const answers: Answers = { respondentName: '张三' }
    drawn.forEach((name, i) => {
      const q = byName.get(name) as ElementJson
      if (i < 24) {
        answers[name] = q.correctAnswer
        return
      }
      const wrong = choicesOf(q).find((c) => c.value !== q.correctAnswer && !isIn(c.value, q))
      answers[name] = q.type === 'checkbox' ? [wrong?.value] : wrong?.value
    })

    const result = scoreResponse(templates.quiz, answers, { seed })
    // 24 right and 6 wrong of 30 drawn, 1 point each: 24 of 30 = 80 %
    expect(result.quiz).toEqual({ correct: 24, drawn: 30 })
    expect(result.score).toBe(24)
    expect(result.maxScore).toBe(30)
    expect(result.percent).toBe(80)
  })

  it('scores a debriefing review over its five ratings', () => {
    const answers: Answers = {
      responsibility: 'good',
      organization: 'fairlyGood',
      integrity: 'good',
      service: 'average',
      overall: 'fairlyGood',
    }
    const result = scoreResponse(templates.debriefing, answers)
    // 100 + 80 + 100 + 60 + 80 = 420 of 500: 84 %
    expect(result.score).toBe(420)
    expect(result.maxScore).toBe(500)
    expect(result.percent).toBe(84)
  })

  it('scores a peer appraisal over the overall and aspect ratings', () => {
    const answers: Answers = {
      memberName: '李四',
      overall: 'excellent',
      political: 'excellent',
      study: 'qualified',
      duty: 'qualified',
      discipline: 'basicallyQualified',
      remarks: '学习还需加强',
    }
    const result = scoreResponse(templates.peerAppraisal, answers)
    // 100 + 100 + 80 + 80 + 60 = 420 of 5 × 100 = 500: 84 %
    expect(result.score).toBe(420)
    expect(result.maxScore).toBe(500)
    expect(result.percent).toBe(84)
  })
})

function isIn(value: unknown, q: ElementJson): boolean {
  return Array.isArray(q.correctAnswer) && q.correctAnswer.includes(value)
}
