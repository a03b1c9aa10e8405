import { ORG_KINDS, UNIT_TYPES } from '@yardstick/db'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  committeeOf,
  duplicateCodeIssue,
  isInSubtree,
  isTopUnit,
  MAX_CODE_LENGTH,
  MAX_NAME_LENGTH,
  mayContain,
  moveIssue,
  normaliseCode,
  normaliseName,
  parentIssue,
  restoreIssue,
  retireIssue,
  TREE_ISSUE_CODES,
  unitTypeIssue,
} from './tree-rules'

const committee = { kind: 'committee', path: '/1/', name: '机关工委' } as const
const sub = { kind: 'subcommittee', path: '/1/2/', name: '第一分工委' } as const
const nested = { kind: 'subcommittee', path: '/1/2/5/', name: '第一分党委' } as const
const branch = { kind: 'branch', path: '/1/2/7/', name: '第一党支部' } as const

describe('which kind sits under which', () => {
  it('lets committees and sub-committees hold sub-committees and branches, and branches nothing', () => {
    const table = ORG_KINDS.flatMap((parent) =>
      ORG_KINDS.filter((child) => mayContain(parent, child)).map((child) => `${parent}>${child}`),
    )
    expect(table).toEqual([
      'committee>subcommittee',
      'committee>branch',
      'subcommittee>subcommittee',
      'subcommittee>branch',
    ])
  })

  it('refuses a unit under a branch, naming the parent', () => {
    const issue = parentIssue(branch, 'branch')
    expect(issue?.code).toBe('wrongKind')
    expect(issue?.message).toContain('第一党支部')
  })

  it('refuses a committee under any parent, and anything else without one', () => {
    expect(parentIssue(sub, 'committee')?.code).toBe('wrongKind')
    expect(parentIssue(committee, 'committee')?.code).toBe('wrongKind')
    expect(parentIssue(null, 'committee')).toBeNull()
    expect(parentIssue(null, 'branch')?.code).toBe('parentRequired')
  })

  it('refuses a retired parent before asking about kinds', () => {
    const retired = { ...branch, retiredAt: new Date() }
    expect(parentIssue(retired, 'branch')?.code).toBe('parentRetired')
    expect(parentIssue({ ...sub, retiredAt: '2024-01-01T00:00:00Z' }, 'branch')?.code).toBe(
      'parentRetired',
    )
    expect(parentIssue(sub, 'branch')).toBeNull()
  })
})

describe('branch types', () => {
  it('asks a branch for one of UNIT_TYPES and the others for none', () => {
    for (const type of UNIT_TYPES) expect(unitTypeIssue('branch', type)).toBeNull()
    expect(unitTypeIssue('branch', null)?.code).toBe('unitTypeRequired')
    expect(unitTypeIssue('branch', undefined)?.code).toBe('unitTypeRequired')
    expect(unitTypeIssue('branch', 'church')?.code).toBe('unknownUnitType')
    expect(unitTypeIssue('subcommittee', 'organ')?.code).toBe('unitTypeNotAllowed')
    expect(unitTypeIssue('committee', null)).toBeNull()
  })
})

describe('subtrees and moves', () => {
  it('tells a subtree by its path prefix, not by a shared leading digit', () => {
    expect(isInSubtree('/1/2/7/', '/1/2/')).toBe(true)
    expect(isInSubtree('/1/2/', '/1/2/')).toBe(true)
    expect(isInSubtree('/1/21/', '/1/2/')).toBe(false)
    expect(isTopUnit(committee)).toBe(true)
    expect(isTopUnit(sub)).toBe(false)
  })

  it('refuses a move under the unit itself or its descendants', () => {
    expect(moveIssue(sub, nested)?.code).toBe('cycle')
    expect(moveIssue(sub, sub)?.code).toBe('cycle')
    expect(moveIssue(nested, committee)).toBeNull()
  })

  it('refuses to move the top committee, or under a branch or a retired unit', () => {
    expect(moveIssue(committee, sub)?.code).toBe('topCommittee')
    expect(moveIssue(nested, branch)?.code).toBe('wrongKind')
    expect(moveIssue(branch, { ...nested, retiredAt: new Date() })?.code).toBe('parentRetired')
    expect(moveIssue(branch, nested)).toBeNull()
  })

  it('finds a cycle exactly when the new parent lies within the moved unit (property)', () => {
    const path = fc
      .array(fc.integer({ min: 1, max: 30 }), { minLength: 2, maxLength: 5 })
      .map((ids) => `/${ids.join('/')}/`)
    fc.assert(
      fc.property(path, path, (unitPath, parentPath) => {
        const issue = moveIssue(
          { kind: 'subcommittee', path: unitPath },
          { kind: 'subcommittee', path: parentPath },
        )
        expect(issue?.code === 'cycle').toBe(parentPath.startsWith(unitPath))
      }),
    )
  })
})

describe('retire and restore', () => {
  it('refuses to retire the top committee or a retired unit', () => {
    expect(retireIssue(committee)?.code).toBe('topCommittee')
    expect(retireIssue({ ...branch, retiredAt: new Date() })?.code).toBe('alreadyRetired')
    expect(retireIssue(branch)).toBeNull()
  })

  it('restores only a retired unit whose parent is not retired', () => {
    const retired = { ...branch, retiredAt: new Date() }
    expect(restoreIssue(branch, sub)?.code).toBe('notRetired')
    expect(restoreIssue(retired, { ...sub, retiredAt: new Date() })?.code).toBe('parentRetired')
    expect(restoreIssue(retired, sub)).toBeNull()
  })
})

describe('names and codes', () => {
  it('trims a code, treats blank as none and refuses one that is too long', () => {
    expect(normaliseCode(' 0301 ')).toEqual({ ok: true, value: '0301' })
    expect(normaliseCode('   ')).toEqual({ ok: true, value: null })
    expect(normaliseCode(null)).toEqual({ ok: true, value: null })
    expect(normaliseCode('码'.repeat(MAX_CODE_LENGTH))).toMatchObject({ ok: true })
    const long = normaliseCode('码'.repeat(MAX_CODE_LENGTH + 1))
    expect(long).toMatchObject({ ok: false, issue: { code: 'codeTooLong' } })
  })

  it('trims a name and refuses an empty or too long one', () => {
    expect(normaliseName(' 第一党支部\u3000')).toEqual({ ok: true, value: '第一党支部' })
    expect(normaliseName('  ')).toMatchObject({ ok: false, issue: { code: 'nameRequired' } })
    expect(normaliseName('名'.repeat(MAX_NAME_LENGTH + 1))).toMatchObject({
      ok: false,
      issue: { code: 'nameTooLong' },
    })
  })

  it('words a duplicate code with its holder, and finds the committee of a path', () => {
    expect(duplicateCodeIssue('0301', '第二党支部').message).toContain('第二党支部')
    expect(committeeOf('/12/4/17/')).toBe(12)
  })

  it('keeps every issue code in the closed set', () => {
    expect(new Set(TREE_ISSUE_CODES).size).toBe(TREE_ISSUE_CODES.length)
  })
})
