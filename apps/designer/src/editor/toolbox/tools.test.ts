import { fromSurveyJson, toSurveyJson } from '@yardstick/doc'
import {
  problemEntry,
  scoreResponse,
  selfCheckItem,
  validateForm,
  validateResponse,
} from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { BLOCKS, blockJson, QUESTION_TYPES, questionJson } from './tools'

const taken = new Set<string>()

describe('toolbox', () => {
  it('every question type and block makes a form that validates and round-trips the document', () => {
    const blockNames = new Set<string>()
    const elements = QUESTION_TYPES.map((type) => {
      const json = questionJson(type, { taken: blockNames })
      blockNames.add(json.name)
      return json
    })
    const pages: Array<Record<string, unknown>> = [{ name: 'p1', elements }]
    for (const block of BLOCKS) {
      const out = blockJson(block, { taken: blockNames })
      if (out.kind === 'page') pages.push(out.page)
      else {
        elements.push(...out.elements)
        for (const e of out.elements) blockNames.add(e.name)
      }
    }
    const form = { pages }
    const result = validateForm(form)
    expect(result.errors).toEqual([])
    expect(toSurveyJson(fromSurveyJson(form))).toEqual(form)
  })

  it('a self-check item is followed by the SDK’s problem-list block: owner and every item required', () => {
    const out = blockJson('selfCheckItem', { taken: new Set(['item1']) })
    if (out.kind !== 'elements') throw new Error('elements expected')
    const [item, follow] = out.elements
    expect(item?.name).toBe('item2')
    expect(follow).toEqual(problemEntry('item2'))
    expect(
      validateResponse({ elements: out.elements }, { item2: 'no', item2_problem: {} }).errors.map(
        (e) => e.item,
      ),
    ).toEqual(['description', 'measure', 'owner', 'deadline'])
  })

  it('a self-check item is the SDK’s self-check item block, counted toward the chosen dimension', () => {
    const out = blockJson('selfCheckItem', { taken: new Set(), dimension: 'memberTeam' })
    if (out.kind !== 'elements') throw new Error('elements expected')
    const title = {
      default: '是否……（请填写自查内容）',
      en: 'Is it so that …? (the item to check)',
    }
    expect(out.elements).toEqual(
      selfCheckItem({ name: 'item1', title }, { dimension: 'memberTeam' }),
    )
    expect(out.elements[0]).toMatchObject({
      isRequired: true,
      dimension: 'memberTeam',
      choices: [
        { value: 'yes', text: { default: '是', en: 'Yes' }, score: 1 },
        { value: 'no', text: { default: '否', en: 'No' }, score: 0, problem: true },
      ],
    })
    const loose = blockJson('selfCheckItem', { taken: new Set() })
    expect(loose.kind === 'elements' && 'dimension' in (loose.elements[0] ?? {})).toBe(false)
  })

  it('a self-check item opens a problem with its follow-up as the note', () => {
    const out = blockJson('selfCheckItem', { taken })
    if (out.kind !== 'elements') throw new Error('elements expected')
    const [item, follow] = out.elements
    const form = { pages: [{ name: 'p', elements: out.elements }] }
    const answers = {
      [item?.name ?? '']: 'no',
      [follow?.name ?? '']: { description: '学习不经常' },
    }
    const scored = scoreResponse(form, answers)
    expect(scored.problems).toHaveLength(1)
    expect(scored.problems[0]?.note).toBe('学习不经常')
  })

  it('satisfaction, veto, bonus and quiz blocks score as docs/DESIGN.md §2 says', () => {
    const build = (block: (typeof BLOCKS)[number]) => {
      const out = blockJson(block, { taken })
      if (out.kind !== 'elements') throw new Error('elements expected')
      return out.elements
    }
    const [aspect] = build('satisfactionItem')
    const [veto] = build('vetoItem')
    const [indicator] = build('indicator')
    const [bonus] = build('bonusItem')
    const form = {
      bonusCap: 5,
      pages: [
        { name: 'p', elements: [aspect, veto, indicator, bonus].filter((e) => e !== undefined) },
      ],
    }
    const scored = scoreResponse(form, {
      [aspect?.name ?? '']: 'basic',
      [veto?.name ?? '']: 'yes',
      [indicator?.name ?? '']: 8,
      [bonus?.name ?? '']: 3,
    })
    expect(scored.veto).toBe(true)
    expect(scored.satisfaction?.rate).toBe(1)
    expect(scored.score).toBe(60 + 8 + 3)
    expect(scored.maxScore).toBe(100 + 10)
    const [quiz] = build('quizQuestion')
    const quizForm = {
      kind: 'quiz' as const,
      pages: [{ name: 'p', elements: [quiz].filter((e) => e !== undefined) }],
    }
    expect(scoreResponse(quizForm, { [quiz?.name ?? '']: 'A' }).quiz).toEqual({
      correct: 1,
      drawn: 1,
    })
  })
})
