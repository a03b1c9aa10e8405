import { describe, expect, it } from 'vitest'
import { en as enTable } from '../../i18n/en'
import { translator } from '../../i18n/translate'
import { ruleName, rulesBrokenByRemoving, ruleText } from './remove-check'

const form = {
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'panel',
          name: 'study',
          elements: [
            { type: 'radiogroup', name: 'theoryStudy', choices: ['yes', 'no'] },
            { type: 'comment', name: 'inside', visibleIf: "{theoryStudy} = 'no'" },
          ],
        },
        { type: 'comment', name: 'why', visibleIf: "{theoryStudy} = 'no'" },
      ],
    },
  ],
  triggers: [{ type: 'complete', expression: "{theoryStudy} = 'yes'" }],
}

describe('what removing an element would break', () => {
  it('names the rules outside a panel that read a question inside it, not those inside', () => {
    const panel = form.pages[0]?.elements[0] as Record<string, unknown>
    const broken = rulesBrokenByRemoving(form, panel)
    expect(broken.map((site) => [site.element, site.property])).toEqual([
      ['why', 'visibleIf'],
      ['', 'triggers'],
    ])
    const t = translator()
    expect(broken.map((site) => ruleName(site, t))).toEqual([
      '“why”的显示条件',
      '表单的第 1 条跳题与结束规则',
    ])
  })

  it('names a skip rule that targets the question, by its number and where it skips to', () => {
    const skipping = {
      ...form,
      triggers: [...form.triggers, { type: 'skip', expression: '{inside} empty', gotoName: 'why' }],
    }
    const broken = rulesBrokenByRemoving(skipping, { type: 'comment', name: 'why' })
    expect(broken.map((site) => site.path)).toEqual(['triggers[1].gotoName'])
    const zh = translator()
    const [site] = broken
    if (!site) return
    expect(`${ruleName(site, zh)}：${ruleText(site, zh)}`).toBe(
      '表单的第 2 条跳题与结束规则：跳到“why”',
    )
    const en = translator(enTable)
    expect(`${ruleName(site, en)}: ${ruleText(site, en)}`).toBe(
      'rule 2 of the form’s skip and end rules: skip to “why”',
    )
  })

  it('breaks nothing when no rule refers to the element', () => {
    expect(rulesBrokenByRemoving(form, { type: 'comment', name: 'why' })).toEqual([])
  })
})
