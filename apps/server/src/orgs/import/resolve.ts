import type { ImportIssue } from '@yardstick/contract'
import type { OrgNode } from '../visible-orgs'
import { columnHeader } from './columns'
import type { ParsedOrgRow } from './parse-rows'

/** A unit of the subtree an import works on, as the database holds it (`ORG_COLUMNS`). */
export type ScopeUnit = Omit<OrgNode, 'reached' | 'children'>

/** What an import sees of the database: the root's subtree and the committee's other codes. */
export interface ImportScope {
  root: ScopeUnit
  /** Every unit of the root's subtree, the root included. */
  units: readonly ScopeUnit[]
  /** Codes of the same committee held outside the root's subtree, with their holder's name. */
  outsideCodes: ReadonlyMap<string, string>
}

/**
 * A unit of the tree the file describes: a positive key is an existing unit's id, a negative one
 * the unit row `-key - 1` creates.
 */
export type UnitKey = number

/** Where one row stands after resolution: the unit it names and its parent in the new tree. */
export interface RowPlace {
  parsed: ParsedOrgRow
  self?: UnitKey
  /** The parent in the file's tree; null only for the row that names the root itself. */
  parent?: UnitKey | null
  issues: ImportIssue[]
}

type Lookup =
  | { kind: 'found'; key: UnitKey }
  | { kind: 'pending' }
  | { kind: 'none' }
  | { kind: 'ambiguous'; count: number }

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  entry(map, key, () => []).push(value)
}

const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  const known = map.get(key)
  if (known !== undefined) return known
  const made = make()
  map.set(key, made)
  return made
}

/**
 * Finds, for every row, the unit it names (by code under the committee, else by parent and
 * name, else a new unit) and its parent (by 上级编码, or by the 上级 name path from the root, or a
 * single name when unique), whether that parent exists already or comes earlier or later in the
 * same file. Rows that cannot be placed get issues (`parentNotFound`, `parentAmbiguous`,
 * `parentMismatch`, `parentOutsideRoot`, `codeOutsideRoot`, `duplicateCode`, `duplicateRow`,
 * `rootMove`, `cycle`).
 *
 * @example
 * const places = resolveRows(scope, parseOrgRows(rows))
 */
export function resolveRows(scope: ImportScope, rows: readonly ParsedOrgRow[]): RowPlace[] {
  const { root } = scope
  const places: RowPlace[] = rows.map((parsed) => ({ parsed, issues: [...parsed.issues] }))
  const issue =
    (place: RowPlace, column: Parameters<typeof columnHeader>[0] | null) =>
    (code: string, message: string) =>
      place.issues.push({ column: column ? columnHeader(column) : null, code, message })

  const existingByCode = new Map<string, ScopeUnit>()
  const existingChildren = new Map<UnitKey, Map<string, UnitKey[]>>()
  const existingByName = new Map<string, UnitKey[]>()
  for (const unit of scope.units) {
    if (unit.code !== null) existingByCode.set(unit.code, unit)
    push(existingByName, unit.name, unit.id)
    if (unit.id === root.id || unit.parentId === null) continue
    push(
      entry(existingChildren, unit.parentId, () => new Map()),
      unit.name,
      unit.id,
    )
  }

  // Claims: which row names which unit, so two rows never name the same one.
  const claimedBy = new Map<UnitKey, number>()
  const claim = (index: number, key: UnitKey): boolean => {
    const place = places[index] as RowPlace
    const other = claimedBy.get(key)
    if (other !== undefined && other !== index) {
      issue(place, place.parsed.code ? 'code' : 'name')(
        'duplicateRow',
        `Row ${places[other]?.parsed.row} already names this unit`,
      )
      return false
    }
    claimedBy.set(key, index)
    place.self = key
    return true
  }

  const rowByCode = new Map<string, number>()
  const open: number[] = []
  places.forEach((place, index) => {
    const { code, name, parentCode, parentPath } = place.parsed
    if (code !== null) {
      const first = rowByCode.get(code)
      if (first !== undefined) {
        issue(place, 'code')(
          'duplicateCode',
          `The code "${code}" is also on row ${places[first]?.parsed.row}`,
        )
        return
      }
      rowByCode.set(code, index)
      const holder = scope.outsideCodes.get(code)
      if (holder !== undefined) {
        issue(place, 'code')(
          'codeOutsideRoot',
          `The code "${code}" belongs to "${holder}", outside the unit the file is imported under`,
        )
        return
      }
      const unit = existingByCode.get(code)
      if (unit && !claim(index, unit.id)) return
    } else if (parentCode === null && parentPath === null && name === root.name) {
      if (!claim(index, root.id)) return
    }
    if (name === '') return
    open.push(index)
  })

  const waiting = new Set(open)
  const unresolvedByName = new Map<string, number>()
  for (const index of open) {
    const { name } = (places[index] as RowPlace).parsed
    unresolvedByName.set(name, (unresolvedByName.get(name) ?? 0) + 1)
  }
  const resolvedChildren = new Map<UnitKey, Map<string, Set<UnitKey>>>()
  const resolvedByName = new Map<string, Set<UnitKey>>()

  const collect = (found: Iterable<UnitKey>[], name: string, strict: boolean): Lookup => {
    const keys = new Set<UnitKey>()
    for (const list of found) for (const key of list) keys.add(key)
    if (keys.size === 1) return { kind: 'found', key: keys.values().next().value as UnitKey }
    if (keys.size > 1) return { kind: 'ambiguous', count: keys.size }
    return strict && (unresolvedByName.get(name) ?? 0) > 0 ? { kind: 'pending' } : { kind: 'none' }
  }
  const child = (parent: UnitKey, name: string, strict: boolean) =>
    collect(
      [
        existingChildren.get(parent)?.get(name) ?? [],
        resolvedChildren.get(parent)?.get(name) ?? [],
      ],
      name,
      strict,
    )
  const walk = (segments: readonly string[], strict: boolean): Lookup & { at?: number } => {
    let at: UnitKey = root.id
    for (const [i, segment] of segments.entries()) {
      const next = child(at, segment, strict)
      if (next.kind !== 'found') return { ...next, at: i }
      at = next.key
    }
    return { kind: 'found', key: at }
  }
  const byPath = (segments: readonly string[], strict: boolean): Lookup => {
    const fromRoot = walk(segments, strict)
    if (fromRoot.kind !== 'none' || fromRoot.at !== 0) return fromRoot
    // "机关工委/第一分工委" under 机关工委: the path may start with the root's own name.
    if (segments[0] === root.name) {
      const below = walk(segments.slice(1), strict)
      if (below.kind !== 'none') return below
    }
    if (segments.length !== 1) return { kind: 'none' }
    const name = segments[0] as string
    return collect([existingByName.get(name) ?? [], resolvedByName.get(name) ?? []], name, strict)
  }

  type Parent = { kind: 'found'; key: UnitKey | null } | { kind: 'pending' } | { kind: 'refused' }
  const parentOf = (index: number, strict: boolean): Parent => {
    const place = places[index] as RowPlace
    const { parentCode, parentPath } = place.parsed
    if (place.self === root.id) {
      if (parentCode === null && parentPath === null) return { kind: 'found', key: null }
      issue(place, parentCode ? 'parentCode' : 'parent')(
        'rootMove',
        `This row names "${root.name}", the unit the file is imported under: it keeps its place, leave its parent empty`,
      )
      return { kind: 'refused' }
    }
    let fromCode: UnitKey | undefined
    if (parentCode !== null) {
      const row = rowByCode.get(parentCode)
      const unit = existingByCode.get(parentCode)
      const say = issue(place, 'parentCode')
      if (row !== undefined && row !== index) {
        const parentPlace = places[row] as RowPlace
        if (parentPlace.self !== undefined) fromCode = parentPlace.self
        else if (waiting.has(row)) return { kind: 'pending' }
        else {
          say(
            'parentNotFound',
            `The parent code "${parentCode}" is on row ${parentPlace.parsed.row}, which is refused`,
          )
          return { kind: 'refused' }
        }
      } else if (unit) fromCode = unit.id
      else if (scope.outsideCodes.has(parentCode)) {
        say(
          'parentOutsideRoot',
          `The parent code "${parentCode}" belongs to "${scope.outsideCodes.get(parentCode)}", outside the unit the file is imported under`,
        )
        return { kind: 'refused' }
      } else {
        say(
          'parentNotFound',
          `No unit has the code "${parentCode}", in the file or under "${root.name}"`,
        )
        return { kind: 'refused' }
      }
    }
    let fromPath: UnitKey | undefined
    if (parentPath !== null) {
      const found = byPath(parentPath, strict)
      const shown = parentPath.join('/')
      const say = issue(place, 'parent')
      if (found.kind === 'pending') return found
      if (found.kind === 'none') {
        say('parentNotFound', `No unit "${shown}" under "${root.name}", in the file or the tree`)
        return { kind: 'refused' }
      }
      if (found.kind === 'ambiguous') {
        say(
          'parentAmbiguous',
          `${found.count} units are named "${shown}": give the name path (上级 "a/b") or the parent code`,
        )
        return { kind: 'refused' }
      }
      fromPath = found.key
    }
    if (fromCode !== undefined && fromPath !== undefined && fromCode !== fromPath) {
      issue(place, 'parent')(
        'parentMismatch',
        `The parent code "${parentCode}" and the parent "${parentPath?.join('/')}" name different units`,
      )
      return { kind: 'refused' }
    }
    return { kind: 'found', key: fromCode ?? fromPath ?? root.id }
  }

  const settle = (index: number, parent: UnitKey | null) => {
    const place = places[index] as RowPlace
    place.parent = parent
    const { name } = place.parsed
    if (place.self === undefined) {
      const same =
        parent !== null && parent > 0 ? existingChildren.get(parent)?.get(name) : undefined
      const free = same?.find((key) => !claimedBy.has(key)) ?? same?.[0]
      if (free !== undefined) claim(index, free)
      else claim(index, -index - 1)
    }
    if (place.self === undefined || parent === null) return
    const byName = entry(resolvedChildren, parent, () => new Map<string, Set<UnitKey>>())
    entry(byName, name, () => new Set<UnitKey>()).add(place.self)
    entry(resolvedByName, name, () => new Set<UnitKey>()).add(place.self)
  }

  let strict = true
  let pending = open
  while (pending.length > 0) {
    const next: number[] = []
    for (const index of pending) {
      const parent = parentOf(index, strict)
      if (parent.kind === 'pending') {
        next.push(index)
        continue
      }
      waiting.delete(index)
      const { name } = (places[index] as RowPlace).parsed
      unresolvedByName.set(name, (unresolvedByName.get(name) ?? 1) - 1)
      if (parent.kind === 'found') settle(index, parent.key)
    }
    if (next.length === pending.length) {
      if (!strict) break
      strict = false
    }
    pending = next
  }
  // What is left waits on itself: parent codes that lead back to the row.
  for (const index of pending) {
    const place = places[index] as RowPlace
    issue(place, place.parsed.parentCode ? 'parentCode' : 'parent')(
      'cycle',
      'The parents of this row lead back to it: the rows make a cycle',
    )
  }
  return places
}
