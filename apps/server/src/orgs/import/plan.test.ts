import type { OrgTableColumn } from '@yardstick/contract'
import { describe, expect, it } from 'vitest'
import type { TableRow } from '../../imports/read-table'
import { parseOrgRows } from './parse-rows'
import { planOrgImport } from './plan'
import type { ImportScope, ScopeUnit } from './resolve'

const unit = (id: number, parentId: number | null, path: string, fields: Partial<ScopeUnit>) =>
  ({
    id,
    parentId,
    path,
    kind: 'subcommittee',
    name: `unit ${id}`,
    unitType: null,
    code: null,
    retiredAt: null,
    ...fields,
  }) as ScopeUnit

// 机关工委 → 第一分工委 (综合支部), 第二分工委 (综合支部); units elsewhere in the committee hold Z8, Z9.
const root = unit(1, null, '/1/', { kind: 'committee', name: '机关工委' })
const scope: ImportScope = {
  root,
  units: [
    root,
    unit(2, 1, '/1/2/', { name: '第一分工委', code: 'S1' }),
    unit(3, 1, '/1/3/', { name: '第二分工委' }),
    unit(4, 2, '/1/2/4/', { kind: 'branch', name: '综合支部', unitType: 'organ' }),
    unit(5, 3, '/1/3/5/', { kind: 'branch', name: '综合支部', unitType: 'organ' }),
  ],
  outsideCodes: new Map([
    ['Z9', '第三分工委'],
    ['Z8', '第四分工委'],
  ]),
}

const plan = (...rows: Array<Partial<Record<OrgTableColumn, string>>>) =>
  planOrgImport(
    scope,
    parseOrgRows(rows.map((cells, i): TableRow<OrgTableColumn> => ({ row: i + 2, cells }))),
  )
const summary = (p: ReturnType<typeof plan>) =>
  p.rows.map((r) => `${r.row} ${r.action}${r.issues.map((i) => ` ${i.column}:${i.code}`).join('')}`)

describe('planOrgImport', () => {
  it('reads a parent as a name path, with or without the root, or one unique name', () => {
    const p = plan(
      { name: 'A', parent: '机关工委/第一分工委/综合支部', unitType: '机关' },
      { name: 'B', parent: '第二分工委', unitType: 'organ' },
      { name: 'C', parent: '机关工委', kind: '分工委' },
      { name: 'D', parent: '综合支部', unitType: '机关' },
      { name: 'E', parent: '第一分工委/综合支部', unitType: 'School' },
    )
    expect(summary(p)).toEqual([
      '2 refuse 上级:wrongKind',
      '3 create',
      '4 create',
      '5 refuse 上级:parentAmbiguous',
      '6 refuse 上级:wrongKind',
    ])
    expect(p.creates.map((c) => [c.name, c.parent, c.kind])).toEqual([
      ['B', 3, 'branch'],
      ['C', 1, 'subcommittee'],
    ])
  })

  it('refuses a parent code outside the root, a code held outside it, and codes that disagree with the path', () => {
    const p = plan(
      { name: 'A', parentCode: 'Z9', unitType: '机关' },
      { name: 'B', code: 'Z8', parent: '第一分工委', unitType: '机关' },
      { name: 'C', parentCode: 'S1', parent: '第二分工委', unitType: '机关' },
      { name: 'D', parentCode: 'NOPE', unitType: '机关' },
    )
    expect(summary(p)).toEqual([
      '2 refuse 上级编码:parentOutsideRoot',
      '3 refuse 编码:codeOutsideRoot',
      '4 refuse 上级:parentMismatch',
      '5 refuse 上级编码:parentNotFound',
    ])
    expect(p.refused).toBe(true)
  })

  it('finds a cycle of new rows that name each other as parents', () => {
    const p = plan(
      { code: 'X', name: 'X', parentCode: 'Y', kind: '分工委' },
      { code: 'Y', name: 'Y', parentCode: 'X', kind: '分工委' },
    )
    expect(summary(p)).toEqual(['2 refuse 上级编码:cycle', '3 refuse 上级编码:cycle'])
  })

  it('matches by code first: a renamed unit with its code is an update, not a create', () => {
    const p = plan({ code: 'S1', name: '第一分工委（新）', parent: '机关工委' })
    expect(p.rows).toMatchObject([
      { action: 'update', changes: { name: { before: '第一分工委', after: '第一分工委（新）' } } },
    ])
  })

  it('gives a code to a unit matched by parent and name, and never clears one', () => {
    const p = plan(
      { code: 'S2', name: '第二分工委' },
      { name: '第一分工委' },
      { name: '综合支部', parent: '第一分工委', unitType: '机关' },
    )
    expect(summary(p)).toEqual(['2 update', '3 unchanged', '4 unchanged'])
    expect(p.updates).toEqual([
      { id: 3, before: { code: null }, after: { code: 'S2' }, moved: false },
    ])
  })

  it('refuses two rows for one unit and two new units of one name under one parent', () => {
    const p = plan(
      { code: 'S1', name: '第一分工委' },
      { name: '第一分工委' },
      { name: 'N', parent: '第二分工委', unitType: '机关' },
      { name: 'N', parent: '第二分工委', unitType: '机关' },
    )
    expect(summary(p)).toEqual([
      '2 unchanged',
      '3 refuse 名称:duplicateRow',
      '4 create',
      '5 refuse 名称:duplicateRow',
    ])
  })
})
