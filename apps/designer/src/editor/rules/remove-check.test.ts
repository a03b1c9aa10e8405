import { describe, expect, it } from 'vitest'
import { translator } from '../../i18n/translate'
import { ruleName, rulesBrokenByRemoving } from './remove-check'

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
      '表单的触发器（跳题/结束）',
    ])
  })

  it('breaks nothing when no rule refers to the element', () => {
    expect(rulesBrokenByRemoving(form, { type: 'comment', name: 'why' })).toEqual([])
  })
})
