import { Model, type QuestionMultipleTextModel } from 'survey-core'
import { describe, expect, it } from 'vitest'
import '../extensions'
import { validateResponse } from '../validate-response'
import { PROBLEM_ENTRY_ITEMS, problemEntry, withProblemEntries } from './problem-entry'
import { selfCheckChoices } from './shared'

const item = { type: 'radiogroup', name: 'dues', isRequired: true, choices: selfCheckChoices() }

describe('the problem-list entry', () => {
  it('asks for description, measure, owner and a date deadline, each required', () => {
    const entry = problemEntry('dues')
    expect(entry).toMatchObject({
      type: 'multipletext',
      name: 'dues_problem',
      problemOf: 'dues',
      visibleIf: "{dues} = 'no'",
      isRequired: true,
    })
    expect(entry.items).toEqual(
      PROBLEM_ENTRY_ITEMS.map((i) => expect.objectContaining({ name: i.name, isRequired: true })),
    )
    const model = new Model({ elements: [item, entry] })
    model.setValue('dues', 'no')
    const question = model.getQuestionByName('dues_problem') as QuestionMultipleTextModel
    expect(question.items.map((i) => [i.name, i.isRequired, i.inputType])).toEqual([
      ['description', true, 'text'],
      ['measure', true, 'text'],
      ['owner', true, 'text'],
      ['deadline', true, 'date'],
    ])
  })

  it('returns new objects on every call, so editing one form never changes another', () => {
    const a = problemEntry('dues')
    const b = problemEntry('dues')
    expect(a).toEqual(b)
    expect(a.items).not.toBe(b.items)
    expect(a.title).not.toBe(b.title)
  })

  it('is what validateResponse holds a "no" to: an entry without its deadline is refused', () => {
    const form = { elements: [item, problemEntry('dues')] }
    const entry = { description: '迟交', measure: '提醒', owner: '李委员' }
    const { errors } = validateResponse(form, { dues: 'no', dues_problem: entry })
    expect(errors.map((e) => [e.question, e.code, e.item])).toEqual([
      ['dues_problem', 'required', 'deadline'],
    ])
  })
})

describe('withProblemEntries', () => {
  it('follows each item that can open a problem with its entry, nested panels too', () => {
    const form = withProblemEntries({
      pages: [
        {
          name: 'p',
          elements: [
            item,
            { type: 'text', name: 'note' },
            { type: 'panel', name: 'box', elements: [{ ...item, name: 'study' }] },
          ],
        },
      ],
    })
    const names = (elements: Array<{ name: string; elements?: unknown }> = []) =>
      elements.map((e) => e.name)
    const [page] = form.pages ?? []
    expect(names(page?.elements)).toEqual(['dues', 'dues_problem', 'note', 'box'])
    expect(names(page?.elements?.[3]?.elements)).toEqual(['study', 'study_problem'])
  })

  it('keeps an entry the form already has and leaves its input unchanged', () => {
    const input = { elements: [item, { ...problemEntry('dues'), title: '自定义' }] }
    const before = structuredClone(input)
    const form = withProblemEntries(input)
    expect(form.elements?.map((e) => e.name)).toEqual(['dues', 'dues_problem'])
    expect(form.elements?.[1]?.title).toBe('自定义')
    expect(input).toEqual(before)
  })
})
