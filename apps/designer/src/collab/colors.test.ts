import { parsePresence } from '@yardstick/doc'
import { describe, expect, it } from 'vitest'
import { colorFor, EDITOR_COLORS, initialsOf } from './colors'

describe('editor colours and initials', () => {
  it('gives a user the same colour everywhere, one that presence accepts', () => {
    expect(colorFor(3)).toBe(colorFor(3))
    expect(colorFor(1)).not.toBe(colorFor(2))
    for (const color of EDITOR_COLORS) {
      expect(parsePresence({ user: { id: '1', name: 'x', color } })).not.toBeNull()
    }
    expect(EDITOR_COLORS).toContain(colorFor('user-abc'))
  })

  it('shows the first Han character, or Latin initials', () => {
    expect(initialsOf('组织处 表单设计')).toBe('组')
    expect(initialsOf('管理员（机关工委）')).toBe('管')
    expect(initialsOf('wang fang')).toBe('WF')
    expect(initialsOf('  ')).toBe('?')
  })
})
