import { UNIT_TYPES, type UnitType } from '@yardstick/db'
import { UNIT_TYPE_LABELS } from '../src/orgs/unit-types'

/** One province's organs: 6,280 branches under 20 sub-committees (as the results benchmark). */
export const BENCH_BRANCHES = 6_280
export const BENCH_SUBCOMMITTEES = 20

const DEPARTMENTS = [
  '省委办公厅',
  '省政府办公厅',
  '省发展改革委',
  '省教育厅',
  '省科技厅',
  '省工业和信息化厅',
  '省公安厅',
  '省民政厅',
  '省司法厅',
  '省财政厅',
  '省人力资源社会保障厅',
  '省自然资源厅',
  '省生态环境厅',
  '省住房城乡建设厅',
  '省交通运输厅',
  '省水利厅',
  '省农业农村厅',
  '省商务厅',
  '省卫生健康委',
  '省市场监管局',
]
const OFFICES = [
  '办公室',
  '综合处',
  '政策法规处',
  '规划处',
  '财务处',
  '人事处',
  '机关党委',
  '信息中心',
  '研究室',
  '离退休干部处',
  '监督检查处',
  '审批处',
  '宣传处',
  '后勤服务中心',
  '项目管理处',
  '质量安全处',
]
// Mostly organs, as in a province's organs work committee; the rest spread over the other types.
const TYPE_MIX: UnitType[] = [
  ...Array<UnitType>(10).fill('organ'),
  ...UNIT_TYPES.filter((type) => type !== 'organ'),
]

/** One row of the benchmark's file, as an office would write it. */
export interface BenchOrgRow {
  code: string
  name: string
  parentCode: string
  parent: string
  kind: string
  unitType: string
}

/**
 * The benchmark's branch file under a committee named `committee`: 20 sub-committees (codes
 * `FW01`…), then 314 branches each (codes `FW01-0001`…, names like `第12党支部（规划处）`,
 * zh-CN type labels), with both the parent code and the parent name path filled in, as an export
 * writes them. Deterministic.
 *
 * @example
 * const rows = benchOrgRows('省直机关工委')
 */
export function benchOrgRows(committee: string): BenchOrgRow[] {
  const rows: BenchOrgRow[] = []
  const perSub = BENCH_BRANCHES / BENCH_SUBCOMMITTEES
  DEPARTMENTS.forEach((department, s) => {
    const code = `FW${String(s + 1).padStart(2, '0')}`
    rows.push({
      code,
      name: `${department}分工委`,
      parentCode: '',
      parent: committee,
      kind: '分工委',
      unitType: '',
    })
  })
  DEPARTMENTS.forEach((department, s) => {
    const parentCode = `FW${String(s + 1).padStart(2, '0')}`
    for (let b = 1; b <= perSub; b++) {
      const type = TYPE_MIX[(s * 7 + b) % TYPE_MIX.length] as UnitType
      rows.push({
        code: `${parentCode}-${String(b).padStart(4, '0')}`,
        name: `第${b}党支部（${OFFICES[b % OFFICES.length]}）`,
        parentCode,
        parent: `${committee}/${department}分工委`,
        kind: '党支部',
        unitType: UNIT_TYPE_LABELS[type]['zh-CN'],
      })
    }
  })
  return rows
}

const field = (value: string) =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value

/**
 * The rows as a UTF-8 CSV with the Chinese headers the export writes.
 *
 * @example
 * const bytes = benchCsv(benchOrgRows('省直机关工委'))
 */
export function benchCsv(rows: readonly BenchOrgRow[]): Uint8Array {
  const lines = ['编码,名称,上级编码,上级,层级,类型']
  for (const r of rows) {
    lines.push([r.code, r.name, r.parentCode, r.parent, r.kind, r.unitType].map(field).join(','))
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`)
}

/**
 * The same file changed as an office would between two imports: 1 % of branches renamed, 20
 * branches moved to the next sub-committee (and renamed, so no name repeats there), 40 new
 * branches.
 *
 * @example
 * const changed = changedRows(benchOrgRows('省直机关工委'))
 */
export function changedRows(rows: readonly BenchOrgRow[]): BenchOrgRow[] {
  const subs = rows.filter((r) => r.kind === '分工委')
  const changed = rows.map((r, i) => {
    if (r.kind !== '党支部') return r
    if (i % 100 === 0) return { ...r, name: `${r.name}（更名）` }
    if (i % 313 === 1) {
      const next = subs[(subs.findIndex((s) => s.code === r.parentCode) + 1) % subs.length]
      if (!next) return r
      const name = `${r.name}（调整）`
      return { ...r, name, parentCode: next.code, parent: `${next.parent}/${next.name}` }
    }
    return r
  })
  for (let n = 1; n <= 40; n++) {
    const sub = subs[n % subs.length] as BenchOrgRow
    changed.push({
      code: `${sub.code}-N${String(n).padStart(3, '0')}`,
      name: `新建第${n}党支部`,
      parentCode: sub.code,
      parent: `${sub.parent}/${sub.name}`,
      kind: '党支部',
      unitType: '机关',
    })
  }
  return changed
}
