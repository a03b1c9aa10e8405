import type { ImportRow } from '@yardstick/contract'
import type { OrgKind, UnitType } from '@yardstick/db'
import { parentIssue, type TreeUnit, unitTypeIssue } from '../tree-rules'
import { columnHeader } from './columns'
import type { ParsedOrgRow } from './parse-rows'
import {
  type ImportScope,
  type RowPlace,
  resolveRows,
  type ScopeUnit,
  type UnitKey,
} from './resolve'

/** The fields of a unit an import sets. */
export interface UnitFields {
  name: string
  kind: OrgKind
  unitType: UnitType | null
  code: string | null
}

/** A unit the import creates: its key (negative) and its parent's key in the new tree. */
export interface PlannedCreate extends UnitFields {
  key: UnitKey
  parent: UnitKey
}

/** An existing unit the import changes, with the fields before and after. */
export interface PlannedUpdate {
  id: number
  before: Partial<UnitFields & { parentId: number | null }>
  after: Partial<UnitFields & { parentId: UnitKey }>
  moved: boolean
}

/** What importing a file would do: the report's rows, and what to write when none is refused. */
export interface OrgImportPlan {
  rows: ImportRow[]
  refused: boolean
  /** Parents before children. */
  creates: PlannedCreate[]
  updates: PlannedUpdate[]
  /** The parent of every unit of the new tree (existing and new), for the paths. */
  parents: Map<UnitKey, UnitKey | null>
}

interface Node extends UnitFields {
  parent: UnitKey | null
  retiredAt: Date | null
}

/**
 * Plans an import: places each row (`resolveRows`), checks it against the tree's rules
 * (apps/server/src/orgs/tree-rules.ts: kind under kind, retired parent, branch type; cycles) in
 * the tree the file describes, and compares it with the unit it names: `create`, `update` (the
 * fields that differ), `unchanged` or `refuse` with its issues. Pure: no database.
 *
 * An empty code cell never clears a unit's code; an import never changes a unit's kind.
 *
 * @example
 * const plan = planOrgImport(scope, parseOrgRows(rows))
 * plan.rows[0].action // 'create'
 */
export function planOrgImport(scope: ImportScope, rows: readonly ParsedOrgRow[]): OrgImportPlan {
  const places = resolveRows(scope, rows)
  const units = new Map(scope.units.map((unit) => [unit.id, unit]))
  const nodes = new Map<UnitKey, Node>()
  for (const unit of scope.units) {
    nodes.set(unit.id, { ...unit, parent: unit.id === scope.root.id ? null : unit.parentId })
  }
  // The tree the file describes: each placed row's unit with its fields and new parent.
  const fieldsOf = (place: RowPlace): UnitFields => {
    const existing = place.self !== undefined ? units.get(place.self) : undefined
    const { name, code, kind, unitType } = place.parsed
    return {
      name,
      kind: existing?.kind ?? kind ?? (unitType ? 'branch' : 'subcommittee'),
      unitType,
      code: code ?? existing?.code ?? null,
    }
  }
  for (const place of places) {
    if (place.self === undefined || place.parent === undefined) continue
    const existing = units.get(place.self)
    nodes.set(place.self, {
      ...fieldsOf(place),
      parent: place.parent,
      retiredAt: existing?.retiredAt ?? null,
    })
  }

  const byParentAndName = new Map<string, UnitKey[]>()
  for (const [key, node] of nodes) {
    const at = `${node.parent}/${node.name}`
    const list = byParentAndName.get(at)
    if (list) list.push(key)
    else byParentAndName.set(at, [key])
  }
  const rowOfKey = new Map<UnitKey, number>()
  for (const place of places)
    if (place.self !== undefined) rowOfKey.set(place.self, place.parsed.row)

  for (const place of places) {
    if (place.self === undefined || place.parent === undefined) continue
    checkPlace(place, nodes, units, { byParentAndName, rowOfKey })
  }

  const refused = places.some((place) => place.issues.length > 0 || place.self === undefined)
  const creates: PlannedCreate[] = []
  const updates: PlannedUpdate[] = []
  const report = places.map((place): ImportRow => {
    const { parsed } = place
    const label = parsed.code ? `${parsed.code} ${parsed.name}` : parsed.name
    const base = { row: parsed.row, label, changes: {}, issues: place.issues }
    if (place.issues.length > 0 || place.self === undefined || place.parent === undefined) {
      return { ...base, action: 'refuse' }
    }
    const fields = fieldsOf(place)
    if (place.self < 0) {
      creates.push({ key: place.self, parent: place.parent as UnitKey, ...fields })
      return { ...base, action: 'create' }
    }
    const unit = units.get(place.self) as ScopeUnit
    const update = diff(unit, fields, place.parent, scope.root.id)
    if (!update) return { ...base, action: 'unchanged' }
    updates.push(update)
    const changes: ImportRow['changes'] = {}
    for (const field of Object.keys(update.after) as Array<keyof PlannedUpdate['after']>) {
      if (field === 'parentId') {
        changes.parent = {
          before: nameOf(nodes, unit.parentId),
          after: nameOf(nodes, place.parent),
        }
      } else changes[field] = { before: update.before[field], after: update.after[field] }
    }
    return { ...base, action: 'update', changes }
  })

  const parents = new Map<UnitKey, UnitKey | null>()
  for (const [key, node] of nodes) parents.set(key, node.parent)
  return { rows: report, refused, creates: parentsFirst(creates, parents), updates, parents }
}

function checkPlace(
  place: RowPlace,
  nodes: Map<UnitKey, Node>,
  units: Map<number, ScopeUnit>,
  index: { byParentAndName: Map<string, UnitKey[]>; rowOfKey: Map<UnitKey, number> },
) {
  const self = place.self as UnitKey
  const parent = place.parent as UnitKey | null
  const { parsed } = place
  const node = nodes.get(self) as Node
  const existing = units.get(self)
  const say = (column: Parameters<typeof columnHeader>[0], code: string, message: string) =>
    place.issues.push({ column: columnHeader(column), code, message })
  const parentColumn = parsed.parentCode !== null ? 'parentCode' : 'parent'

  if (existing && parsed.kind !== null && parsed.kind !== existing.kind) {
    say(
      'kind',
      'kindChange',
      `"${existing.name}" is a ${existing.kind}: an import does not change a unit's level (to ${parsed.kind})`,
    )
  }
  if (!parsed.issues.some((issue) => issue.code === 'unknownUnitType')) {
    const typeIssue = unitTypeIssue(node.kind, node.unitType)
    if (typeIssue) say('unitType', typeIssue.code, typeIssue.message)
  }
  const moved = existing !== undefined && parent !== null && parent !== existing.parentId
  if (parent === null || (existing && !moved)) return

  const parentNode = nodes.get(parent)
  if (!parentNode) {
    say(parentColumn, 'parentNotFound', 'Its parent row is refused')
    return
  }
  const asTreeUnit: TreeUnit = {
    kind: parentNode.kind,
    path: '',
    retiredAt: parentNode.retiredAt,
    name: parentNode.name,
  }
  const treeIssue = parentIssue(asTreeUnit, node.kind)
  if (treeIssue) say(parentColumn, treeIssue.code, treeIssue.message)
  if (moved && leadsTo(nodes, parent, self)) {
    say(
      parentColumn,
      'cycle',
      `"${parentNode.name}" lies within "${existing.name}" itself: the move would make a cycle`,
    )
  }
  const same = index.byParentAndName.get(`${parent}/${node.name}`) ?? []
  const other = same.find((key) => key !== self)
  if (other !== undefined) {
    const row = index.rowOfKey.get(other)
    const first = same.indexOf(self) > same.indexOf(other)
    if (row === undefined || first) {
      say(
        'name',
        'duplicateRow',
        row === undefined
          ? `"${parentNode.name}" already holds a unit named "${node.name}"`
          : `Row ${row} also puts a unit named "${node.name}" under "${parentNode.name}"`,
      )
    }
  }
}

// Whether walking up from `from` in the new tree reaches `target` (a move under itself).
function leadsTo(nodes: Map<UnitKey, Node>, from: UnitKey, target: UnitKey): boolean {
  let at: UnitKey | null = from
  for (let steps = 0; at !== null && steps <= nodes.size; steps++) {
    if (at === target) return true
    at = nodes.get(at)?.parent ?? null
  }
  return at !== null
}

function diff(
  unit: ScopeUnit,
  fields: UnitFields,
  parent: UnitKey | null,
  rootId: number,
): PlannedUpdate | null {
  const before: PlannedUpdate['before'] = {}
  const after: PlannedUpdate['after'] = {}
  if (fields.name !== unit.name) {
    before.name = unit.name
    after.name = fields.name
  }
  if (fields.unitType !== unit.unitType) {
    before.unitType = unit.unitType
    after.unitType = fields.unitType
  }
  if (fields.code !== unit.code) {
    before.code = unit.code
    after.code = fields.code
  }
  const moved = unit.id !== rootId && parent !== null && parent !== unit.parentId
  if (moved) {
    before.parentId = unit.parentId
    after.parentId = parent
  }
  if (Object.keys(after).length === 0) return null
  return { id: unit.id, before, after, moved }
}

function nameOf(nodes: Map<UnitKey, Node>, key: UnitKey | null): string | null {
  return key === null ? null : (nodes.get(key)?.name ?? null)
}

// Creates ordered by depth in the new tree, so a multi-row INSERT never names a later parent.
function parentsFirst(creates: PlannedCreate[], parents: Map<UnitKey, UnitKey | null>) {
  const depth = new Map<UnitKey, number>()
  const depthOf = (key: UnitKey): number => {
    const known = depth.get(key)
    if (known !== undefined) return known
    const parent = parents.get(key)
    const value = parent === null || parent === undefined || parent > 0 ? 0 : depthOf(parent) + 1
    depth.set(key, value)
    return value
  }
  return creates
    .map((create) => ({ create, depth: depthOf(create.key) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ create }) => create)
}
