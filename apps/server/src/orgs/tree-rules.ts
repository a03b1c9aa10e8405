import { ORG_CODE_MAX, ORG_NAME_MAX } from '@yardstick/contract'
import { type OrgKind, UNIT_TYPES, type UnitType } from '@yardstick/db'

/**
 * The rules of the organisation tree, in one home: the routes (`routes/orgs.ts`), the services
 * (`orgs/org-edits.ts`) and the spreadsheet import word a refusal the same way because they all
 * ask these functions. Pure: no database, no clock.
 */

/** Every reason the tree refuses a change: a closed set (the import's issue codes reuse it). */
export const TREE_ISSUE_CODES = [
  /** The child's kind may not sit under the parent's kind (a branch under a branch, …). */
  'wrongKind',
  /** Only a committee stands at the top; every other unit needs a parent. */
  'parentRequired',
  /** The parent is retired: a retired unit takes no new units. */
  'parentRetired',
  /** A branch needs its 支部类型. */
  'unitTypeRequired',
  /** Committees and sub-committees carry no 支部类型. */
  'unitTypeNotAllowed',
  /** Not one of `UNIT_TYPES`. */
  'unknownUnitType',
  /** A move under the unit itself or one of its descendants. */
  'cycle',
  /** The top committee cannot be moved or retired. */
  'topCommittee',
  /** Retiring a retired unit. */
  'alreadyRetired',
  /** Restoring a unit that is not retired. */
  'notRetired',
  /** An empty name. */
  'nameRequired',
  /** A name longer than `MAX_NAME_LENGTH`. */
  'nameTooLong',
  /** A code longer than `MAX_CODE_LENGTH`. */
  'codeTooLong',
  /** A code already used by another unit under the same committee. */
  'duplicateCode',
] as const
export type TreeIssueCode = (typeof TREE_ISSUE_CODES)[number]

/** One refusal: a closed code and an English sentence naming what and where. */
export interface TreeIssue {
  code: TreeIssueCode
  message: string
}

/** The longest code an office may give a unit (after trimming). */
export const MAX_CODE_LENGTH = ORG_CODE_MAX
/** The longest name of a unit (after trimming). */
export const MAX_NAME_LENGTH = ORG_NAME_MAX

/**
 * Which kinds may sit under which: a committee holds sub-committees and branches, a
 * sub-committee holds sub-committees and branches, a branch holds nothing.
 */
export const CHILD_KINDS = {
  committee: ['subcommittee', 'branch'],
  subcommittee: ['subcommittee', 'branch'],
  branch: [],
} as const satisfies Record<OrgKind, readonly OrgKind[]>

/** What the rules need to know of a parent (or of the unit being moved / retired). */
export interface TreeUnit {
  kind: OrgKind
  /** The materialised path, `/1/4/17/`. */
  path: string
  retiredAt?: Date | string | null
  name?: string
}

const named = (unit: { name?: string }, fallback: string) =>
  unit.name ? `"${unit.name}"` : fallback

/**
 * Whether a unit of `childKind` may sit under a unit of `parentKind`.
 *
 * @example
 * mayContain('subcommittee', 'branch') // true
 * mayContain('branch', 'branch') // false
 */
export function mayContain(parentKind: OrgKind, childKind: OrgKind): boolean {
  return (CHILD_KINDS[parentKind] as readonly OrgKind[]).includes(childKind)
}

/**
 * Whether `path` lies within the subtree at `ofPath` (the unit itself included).
 *
 * @example
 * isInSubtree('/1/4/17/', '/1/4/') // true
 * isInSubtree('/1/41/', '/1/4/') // false
 */
export function isInSubtree(path: string, ofPath: string): boolean {
  return path.startsWith(ofPath)
}

/** Whether a unit stands at the top of its tree (`/1/`). */
export function isTopUnit(unit: { path: string }): boolean {
  return unit.path.split('/').filter(Boolean).length <= 1
}

/**
 * Why a unit of `childKind` may not go under `parent`, or null when it may: a missing parent for
 * anything but a committee, a retired parent, a kind that may not sit there.
 *
 * @example
 * parentIssue({ kind: 'branch', path: '/1/4/17/' }, 'branch') // { code: 'wrongKind', … }
 * parentIssue(null, 'committee') // null
 */
export function parentIssue(parent: TreeUnit | null, childKind: OrgKind): TreeIssue | null {
  if (parent === null) {
    return childKind === 'committee'
      ? null
      : { code: 'parentRequired', message: `A ${childKind} needs a parent unit` }
  }
  if (parent.retiredAt) {
    return {
      code: 'parentRetired',
      message: `The parent ${named(parent, 'unit')} is retired: a retired unit takes no new units`,
    }
  }
  if (!mayContain(parent.kind, childKind)) {
    const allowed = CHILD_KINDS[parent.kind]
    return {
      code: 'wrongKind',
      message:
        allowed.length === 0
          ? `A ${parent.kind} (${named(parent, 'the parent')}) holds no units, so not a ${childKind}`
          : `A ${childKind} cannot sit under a ${parent.kind} (${named(parent, 'the parent')}); it holds ${allowed.join(' or ')} units`,
    }
  }
  return null
}

/**
 * Why a unit of `kind` may not carry `unitType`, or null: a branch needs one of `UNIT_TYPES`,
 * committees and sub-committees carry none.
 *
 * @example
 * unitTypeIssue('branch', null) // { code: 'unitTypeRequired', … }
 * unitTypeIssue('branch', 'school') // null
 */
export function unitTypeIssue(
  kind: OrgKind,
  unitType: string | null | undefined,
): TreeIssue | null {
  const given = unitType ?? null
  if (kind !== 'branch') {
    return given === null
      ? null
      : { code: 'unitTypeNotAllowed', message: `A ${kind} carries no branch type` }
  }
  if (given === null) {
    return {
      code: 'unitTypeRequired',
      message: `A branch needs its branch type (one of ${UNIT_TYPES.join(', ')})`,
    }
  }
  if (!isUnitType(given)) {
    return {
      code: 'unknownUnitType',
      message: `"${given}" is not a branch type (one of ${UNIT_TYPES.join(', ')})`,
    }
  }
  return null
}

/** Whether a string is one of `UNIT_TYPES`. */
export function isUnitType(value: string): value is UnitType {
  return (UNIT_TYPES as readonly string[]).includes(value)
}

/**
 * Why `unit` may not move under `newParent`, or null: the top committee stays, a unit cannot go
 * under itself or its own descendants (a cycle), and the new parent must take it (not retired,
 * the right kind).
 *
 * @example
 * moveIssue({ kind: 'subcommittee', path: '/1/2/' }, { kind: 'subcommittee', path: '/1/2/5/' })
 * // { code: 'cycle', … }
 */
export function moveIssue(unit: TreeUnit, newParent: TreeUnit): TreeIssue | null {
  if (isTopUnit(unit)) {
    return { code: 'topCommittee', message: 'The top committee cannot be moved' }
  }
  if (isInSubtree(newParent.path, unit.path)) {
    return {
      code: 'cycle',
      message: `${named(newParent, 'The new parent')} lies within ${named(unit, 'the unit')} itself: the move would make a cycle`,
    }
  }
  return parentIssue(newParent, unit.kind)
}

/**
 * Why `unit` may not be retired, or null: not the top committee, not already retired.
 *
 * @example
 * retireIssue({ kind: 'committee', path: '/1/' }) // { code: 'topCommittee', … }
 */
export function retireIssue(unit: TreeUnit): TreeIssue | null {
  if (isTopUnit(unit)) {
    return { code: 'topCommittee', message: 'The top committee cannot be retired' }
  }
  if (unit.retiredAt) {
    return { code: 'alreadyRetired', message: `${named(unit, 'The unit')} is already retired` }
  }
  return null
}

/**
 * Why `unit` may not be restored, or null: it must be retired, and its parent must not be (a
 * retired unit takes no units).
 *
 * @example
 * restoreIssue({ kind: 'branch', path: '/1/2/5/', retiredAt: null }, parent) // { code: 'notRetired', … }
 */
export function restoreIssue(unit: TreeUnit, parent: TreeUnit | null): TreeIssue | null {
  if (!unit.retiredAt) {
    return { code: 'notRetired', message: `${named(unit, 'The unit')} is not retired` }
  }
  if (parent?.retiredAt) {
    return {
      code: 'parentRetired',
      message: `The parent ${named(parent, 'unit')} is retired: restore it first`,
    }
  }
  return null
}

/**
 * A unit's name as stored (trimmed), or the issue with it: not empty, at most
 * `MAX_NAME_LENGTH` characters.
 *
 * @example
 * normaliseName('  第一党支部 ') // { ok: true, value: '第一党支部' }
 */
export function normaliseName(
  raw: string,
): { ok: true; value: string } | { ok: false; issue: TreeIssue } {
  const value = raw.trim()
  if (value === '')
    return { ok: false, issue: { code: 'nameRequired', message: 'A unit needs a name' } }
  if (value.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      issue: {
        code: 'nameTooLong',
        message: `A name has at most ${MAX_NAME_LENGTH} characters (this one has ${value.length})`,
      },
    }
  }
  return { ok: true, value }
}

/**
 * A unit's code as stored (trimmed; empty means none, `null`), or the issue with it: at most
 * `MAX_CODE_LENGTH` characters.
 *
 * @example
 * normaliseCode(' 0301 ') // { ok: true, value: '0301' }
 * normaliseCode('') // { ok: true, value: null }
 */
export function normaliseCode(
  raw: string | null | undefined,
): { ok: true; value: string | null } | { ok: false; issue: TreeIssue } {
  const value = (raw ?? '').trim()
  if (value === '') return { ok: true, value: null }
  if (value.length > MAX_CODE_LENGTH) {
    return {
      ok: false,
      issue: {
        code: 'codeTooLong',
        message: `A code has at most ${MAX_CODE_LENGTH} characters (this one has ${value.length})`,
      },
    }
  }
  return { ok: true, value }
}

/**
 * The issue for a code another unit of the same committee already uses (the database's unique
 * index finds it; the import finds it in the file).
 *
 * @example
 * duplicateCodeIssue('0301', '第一党支部').code // 'duplicateCode'
 */
export function duplicateCodeIssue(code: string, holderName?: string): TreeIssue {
  return {
    code: 'duplicateCode',
    message: holderName
      ? `The code "${code}" is already used by "${holderName}" under the same committee`
      : `The code "${code}" is already used under the same committee`,
  }
}

/**
 * The committee a path belongs to, as the unique index on codes sees it: its first id.
 *
 * @example
 * committeeOf('/1/4/17/') // 1
 */
export function committeeOf(path: string): number {
  return Number(path.split('/')[1])
}
