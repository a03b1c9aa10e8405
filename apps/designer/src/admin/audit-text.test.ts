import { describe, expect, it } from 'vitest'
import { actionKeys, auditChanges } from './audit-text'

describe('an audit entry in words', () => {
  it('lists only the fields that changed, before → after', () => {
    expect(auditChanges({ name: '一支部', code: 'A1' }, { name: '第一支部', code: 'A1' })).toEqual([
      { field: 'name', before: '一支部', after: '第一支部' },
    ])
  })

  it('shows a creation and a removal against nothing', () => {
    expect(auditChanges(null, { name: '新支部' })).toEqual([
      { field: 'name', before: '—', after: '新支部' },
    ])
    expect(auditChanges({ role: 'secretary' }, null)).toEqual([
      { field: 'role', before: 'secretary', after: '—' },
    ])
    expect(auditChanges(null, null)).toEqual([])
  })

  it('shows a value that is not an object as one unnamed field, and objects as JSON', () => {
    expect(auditChanges('open', 'closed')).toEqual([{ field: '', before: 'open', after: 'closed' }])
    expect(auditChanges({ at: { a: 1 } }, { at: { a: 2 } })).toEqual([
      { field: 'at', before: '{"a":1}', after: '{"a":2}' },
    ])
  })

  it('names an action by its own words, else by its entity and verb, else not at all', () => {
    const keys = new Set(['audit.action.role.grant', 'audit.entity.org', 'audit.verb.move'])
    const has = (key: string) => keys.has(key)
    expect(actionKeys('role.grant', has)).toEqual(['audit.action.role.grant'])
    expect(actionKeys('org.move', has)).toEqual(['audit.entity.org', 'audit.verb.move'])
    expect(actionKeys('org.explode', has)).toBeNull()
  })
})
