import {
  type ImportIssue,
  type ImportRow,
  USER_TABLE_HEADERS,
  type UserImportIssueCode,
  type UserImportReport,
  type UserTableColumn,
} from '@yardstick/contract'
import { type Db, ROLES, type Role, schema } from '@yardstick/db'
import { inArray, like, or } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { hashPassword } from '../auth/password'
import { generateTemporaryPassword } from '../auth/password-policy'
import type { AuthUser } from '../auth/sessions'
import { readTable, type TableColumn, type TableFormat } from '../imports/read-table'
import { cellText, parentPath } from '../orgs/import/columns'
import { pathIds } from '../orgs/visible-orgs'
import { adminPaths, assertAdmin } from './access'
import { createUser } from './create-user'
import { grantsByUser, usersByEmail } from './queries'

/** The columns `readTable` looks for in a people file. */
export const USER_IMPORT_COLUMNS: readonly TableColumn<UserTableColumn>[] = (
  Object.keys(USER_TABLE_HEADERS) as UserTableColumn[]
).map((key) => ({
  key,
  headers: USER_TABLE_HEADERS[key],
  required: key === 'name' || key === 'email' || key === 'role',
}))

const fold = (text: string) => text.replace(/[\s\u3000_-]/g, '').toLowerCase()

/** Every word offices write for a role (zh-CN and English), folded. */
const ROLE_WORDS = new Map<string, Role>([
  ...ROLES.map((role) => [role, role] as const),
  ...(
    [
      ['管理员', 'admin'],
      ['administrator', 'admin'],
      ['编辑', 'editor'],
      ['编辑人员', 'editor'],
      ['审核', 'reviewer'],
      ['审核人', 'reviewer'],
      ['审核员', 'reviewer'],
      ['书记', 'secretary'],
      ['支部书记', 'secretary'],
      ['党支部书记', 'secretary'],
      ['考评员', 'assessor'],
      ['考评人员', 'assessor'],
    ] as const
  ).map(([word, role]) => [fold(word), role] as const),
])

/**
 * A 角色 cell as a role: its key or a zh-CN / English word for it (`书记`, `考评员`); null when
 * it names none.
 *
 * @example
 * parseRole('支部书记') // 'secretary'
 */
export function parseRole(cell: string): Role | null {
  return ROLE_WORDS.get(fold(cell)) ?? null
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

interface Unit {
  id: number
  path: string
  code: string | null
  retired: boolean
  /** Names from the root down to the unit. */
  names: string[]
}

/** The units inside the admin's subtrees, with their full name paths (ancestors' names too). */
async function unitsInReach(db: Db, paths: string[]): Promise<Unit[]> {
  const { orgs } = schema
  const columns = {
    id: orgs.id,
    name: orgs.name,
    path: orgs.path,
    code: orgs.code,
    retiredAt: orgs.retiredAt,
  }
  const inside = await db
    .select(columns)
    .from(orgs)
    .where(or(...paths.map((p) => like(orgs.path, `${p}%`))))
  const names = new Map(inside.map((o) => [o.id, o.name]))
  const above = [...new Set(paths.flatMap(pathIds))].filter((id) => !names.has(id))
  if (above.length > 0) {
    for (const o of await db.select(columns).from(orgs).where(inArray(orgs.id, above))) {
      names.set(o.id, o.name)
    }
  }
  return inside.map((o) => ({
    id: o.id,
    path: o.path,
    code: o.code,
    retired: o.retiredAt !== null,
    names: pathIds(o.path).map((id) => names.get(id) ?? ''),
  }))
}

/** One row's plan: what applying it does (nothing when refused). */
interface PlannedRow {
  report: ImportRow
  email: string
  name: string
  grant: { role: Role; orgId: number; path: string } | null
}

/** Options of `importPeople`. */
export interface ImportPeopleOptions {
  bytes: Uint8Array
  format: TableFormat
  /** Default true: only report. */
  dryRun?: boolean
}

/**
 * `POST /api/users/import`: people and their roles from a CSV or XLSX (姓名, 邮箱, 单位编码 or
 * 单位, 角色). One row is one user and one grant; another row for the same e-mail adds a grant.
 * A dry run reports what applying would do row by row; applying does it in one transaction when
 * no row is refused, and answers each created user's temporary password once. Existing users
 * get grants added, never a new password or name. Roles only inside the admin's subtrees.
 *
 * @example
 * const report = await importPeople(db, admin, { bytes, format: 'csv', dryRun: true })
 */
export async function importPeople(
  db: Db,
  actor: AuthUser,
  { bytes, format, dryRun = true }: ImportPeopleOptions,
): Promise<UserImportReport> {
  assertAdmin(actor)
  const { rows } = await readTable(bytes, format, USER_IMPORT_COLUMNS)
  const units = await unitsInReach(db, adminPaths(actor))
  const emails = [
    ...new Set(rows.map((r) => cellText(r.cells.email)?.toLowerCase()).filter((e) => !!e)),
  ] as string[]
  const existing = await usersByEmail(db, emails)
  const held = new Set<string>()
  for (const [userId, grants] of await grantsByUser(db, [...existing.values()])) {
    for (const g of grants) held.add(`${userId}:${g.role}@${g.orgId}`)
  }
  const inFile = new Map<string, { name: string; row: number }>()
  const planned: PlannedRow[] = rows.map(({ row, cells }) => {
    const issues: ImportIssue[] = []
    const issue = (column: UserTableColumn, code: UserImportIssueCode, message: string) =>
      issues.push({ column: USER_TABLE_HEADERS[column][0], code, message })
    const name = cellText(cells.name) ?? ''
    const email = (cellText(cells.email) ?? '').toLowerCase()
    if (name === '') issue('name', 'nameRequired', 'The name is empty')
    else if (name.length > 100) issue('name', 'nameRequired', 'A name has at most 100 characters')
    if (email === '') issue('email', 'emailRequired', 'The e-mail is empty')
    else if (!EMAIL.test(email) || email.length > 254)
      issue('email', 'invalidEmail', `"${email}" is not an e-mail address`)
    const earlier = inFile.get(email)
    if (email !== '' && earlier && name !== '' && earlier.name !== name) {
      issue(
        'name',
        'nameDiffers',
        `Row ${earlier.row} gives ${email} the name "${earlier.name}", this row "${name}"`,
      )
    }
    const roleCell = cellText(cells.role)
    const role = roleCell === null ? null : parseRole(roleCell)
    if (roleCell === null) issue('role', 'roleRequired', 'The role is empty')
    else if (role === null)
      issue(
        'role',
        'unknownRole',
        `"${roleCell}" is not a role: admin, editor, reviewer, secretary or assessor (管理员, 编辑, 审核, 书记, 考评员)`,
      )
    const unit = resolveUnit(units, cellText(cells.unitCode), cellText(cells.unit), issue)
    const label = email || `#${row}`
    if (issues.length > 0 || !role || !unit) {
      return {
        report: { row, action: 'refuse', label, changes: {}, issues },
        email,
        name,
        grant: null,
      }
    }
    const grant = { role, orgId: unit.id, path: unit.path }
    const where = unit.names.join('/')
    const userId = existing.get(email)
    const key = `${userId ?? email}:${role}@${unit.id}`
    const first = !earlier && userId === undefined
    if (!earlier) inFile.set(email, { name, row })
    if (held.has(key)) {
      return {
        report: { row, action: 'unchanged', label, changes: {}, issues },
        email,
        name,
        grant: null,
      }
    }
    held.add(key)
    const changes: ImportRow['changes'] = { grant: { before: null, after: `${role} · ${where}` } }
    if (first) {
      changes.name = { before: null, after: name }
      changes.email = { before: null, after: email }
    }
    return {
      report: { row, action: first ? 'create' : 'update', label, changes, issues },
      email,
      name,
      grant,
    }
  })
  const reports = planned.map((p) => p.report)
  const counts = { create: 0, update: 0, unchanged: 0, refuse: 0 }
  for (const r of reports) counts[r.action]++
  const report = { dryRun, applied: false, counts, rows: reports }
  if (dryRun || counts.refuse > 0) return report
  const credentials = await apply(db, actor, planned, existing)
  return { ...report, applied: true, credentials }
}

function resolveUnit(
  units: readonly Unit[],
  code: string | null,
  nameCell: string | null,
  issue: (column: UserTableColumn, code: UserImportIssueCode, message: string) => void,
): Unit | null {
  if (code === null && nameCell === null) {
    issue('unit', 'unitRequired', 'Give the unit: its code (单位编码) or its name (单位)')
    return null
  }
  let byCode: Unit | null = null
  if (code !== null) {
    const found = units.filter((u) => u.code === code)
    if (found.length === 0) {
      issue('unitCode', 'unitNotFound', `No unit inside your admin subtrees has the code "${code}"`)
      return null
    }
    if (found.length > 1) {
      issue(
        'unitCode',
        'unitAmbiguous',
        `Several units have the code "${code}": give the name path`,
      )
      return null
    }
    byCode = found[0] ?? null
  }
  let byName: Unit | null = null
  if (nameCell !== null) {
    const segments = parentPath(nameCell)
    const found = units.filter(
      (u) =>
        segments.length <= u.names.length &&
        segments.every((s, i) => u.names[u.names.length - segments.length + i] === s),
    )
    if (found.length === 0) {
      issue('unit', 'unitNotFound', `No unit inside your admin subtrees is named "${nameCell}"`)
      return null
    }
    if (found.length > 1 && !byCode) {
      issue(
        'unit',
        'unitAmbiguous',
        `${found.length} units are named "${nameCell}": give the name path (机关工委/第一分工委/…) or the code`,
      )
      return null
    }
    byName = byCode && found.some((u) => u.id === byCode?.id) ? byCode : (found[0] ?? null)
  }
  const unit = byCode ?? byName
  if (byCode && byName && byCode.id !== byName.id) {
    issue('unit', 'unitMismatch', `The code "${code}" and the name "${nameCell}" name two units`)
    return null
  }
  if (unit?.retired) {
    issue('unit', 'unitRetired', `"${unit.names.join('/')}" is retired: no role is granted on it`)
    return null
  }
  return unit
}

async function apply(
  db: Db,
  actor: AuthUser,
  planned: PlannedRow[],
  existing: Map<string, number>,
) {
  // Passwords are made and hashed before the transaction: scrypt is slow on purpose.
  const newUsers = new Map<
    string,
    { name: string; password: string; hash: string; grants: PlannedRow['grant'][] }
  >()
  for (const p of planned) {
    if (!p.grant || existing.has(p.email)) continue
    const known = newUsers.get(p.email)
    if (known) known.grants.push(p.grant)
    else newUsers.set(p.email, { name: p.name, password: '', hash: '', grants: [p.grant] })
  }
  await Promise.all(
    [...newUsers.values()].map(async (u) => {
      u.password = await generateTemporaryPassword()
      u.hash = await hashPassword(u.password)
    }),
  )
  await db.transaction(async (tx) => {
    for (const [email, u] of newUsers) {
      await createUser(
        tx,
        {
          email,
          name: u.name,
          passwordHash: u.hash,
          mustChangePassword: true,
          grants: u.grants.flatMap((g) => (g ? [{ role: g.role, orgId: g.orgId }] : [])),
        },
        { actorId: actor.id, ifExists: 'refuse' },
      )
    }
    for (const p of planned) {
      const userId = existing.get(p.email)
      if (!p.grant || userId === undefined) continue
      const [added] = await tx
        .insert(schema.roleGrants)
        .values({ userId, role: p.grant.role, orgId: p.grant.orgId })
        .onConflictDoNothing()
        .returning()
      if (!added) continue
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'role.grant',
        entity: 'roleGrant',
        entityId: added.id,
        orgPath: p.grant.path,
        after: { userId, role: p.grant.role, orgId: p.grant.orgId },
      })
    }
  })
  return [...newUsers].map(([email, u]) => ({ email, name: u.name, temporaryPassword: u.password }))
}
