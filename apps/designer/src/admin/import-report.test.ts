import type { ImportReport, ImportRow } from '@yardstick/contract'
import { describe, expect, it } from 'vitest'
import { canApply, changesText, reportGroups } from './import-report'

const row = (r: Partial<ImportRow> & Pick<ImportRow, 'row' | 'action'>): ImportRow => ({
  label: `row ${r.row}`,
  changes: {},
  issues: [],
  ...r,
})
const counts = (c: Partial<ImportReport['counts']>) => ({
  create: 0,
  update: 0,
  unchanged: 0,
  refuse: 0,
  ...c,
})

describe('the dry-run table of an import', () => {
  it('lists refusals first, then creations, changes and unchanged rows, each in file order', () => {
    const groups = reportGroups({
      rows: [
        row({ row: 2, action: 'unchanged' }),
        row({ row: 5, action: 'create' }),
        row({
          row: 4,
          action: 'refuse',
          issues: [{ column: '类型', code: 'unknownUnitType', message: 'Unknown type' }],
        }),
        row({ row: 3, action: 'create' }),
        row({
          row: 6,
          action: 'update',
          changes: { name: { before: '一支部', after: '第一支部' } },
        }),
      ],
    })
    expect(groups.map((g) => g.action)).toEqual(['refuse', 'create', 'update', 'unchanged'])
    expect(groups[1]?.lines.map((l) => l.row)).toEqual([3, 5])
    expect(groups[0]?.lines[0]).toMatchObject({
      row: 4,
      column: '类型',
      issue: { code: 'unknownUnitType' },
      first: true,
      span: 1,
    })
  })

  it('gives each issue of a row its own line, the row named once', () => {
    const [group] = reportGroups({
      rows: [
        row({
          row: 7,
          action: 'refuse',
          issues: [
            { column: '名称', code: 'nameRequired', message: 'No name' },
            { column: '上级', code: 'parentNotFound', message: 'No parent' },
          ],
        }),
      ],
    })
    expect(group?.rows).toBe(1)
    expect(group?.lines.map((l) => [l.first, l.span, l.column])).toEqual([
      [true, 2, '名称'],
      [false, 2, '上级'],
    ])
  })

  it('leaves out the actions no row takes', () => {
    expect(reportGroups({ rows: [] })).toEqual([])
    expect(
      reportGroups({ rows: [row({ row: 2, action: 'create' })] }).map((g) => g.action),
    ).toEqual(['create'])
  })

  it('may be applied only as a dry run with nothing refused and something to do', () => {
    expect(canApply({ dryRun: true, counts: counts({ create: 3 }) })).toBe(true)
    expect(canApply({ dryRun: true, counts: counts({ update: 1, unchanged: 4 }) })).toBe(true)
    expect(canApply({ dryRun: true, counts: counts({ create: 3, refuse: 1 }) })).toBe(false)
    expect(canApply({ dryRun: true, counts: counts({ unchanged: 4 }) })).toBe(false)
    expect(canApply({ dryRun: false, counts: counts({ create: 3 }) })).toBe(false)
  })

  it('shows a change as field: before → after', () => {
    expect(
      changesText({
        name: { before: '一支部', after: '第一支部' },
        code: { before: null, after: 'A1' },
      }),
    ).toEqual(['name: 一支部 → 第一支部', 'code: — → A1'])
    const zh = (field: string) => ({ name: '名称' })[field] ?? field
    expect(changesText({ name: { before: '一支部', after: '第一支部' } }, zh)).toEqual([
      '名称: 一支部 → 第一支部',
    ])
  })
})
