import { UNIT_TYPES, type UnitType } from '@yardstick/db'

/**
 * 支部类型: the label of each branch type, zh-CN first, English second. Each type has its own
 * reference indicators, so the designer shows these names wherever a branch is listed.
 *
 * @example
 * UNIT_TYPE_LABELS.organ['zh-CN'] // '机关'
 */
export const UNIT_TYPE_LABELS = {
  organ: { 'zh-CN': '机关', en: 'Party and government organ' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  publicInstitution: { 'zh-CN': '事业单位', en: 'Public institution' },
  school: { 'zh-CN': '学校', en: 'School' },
  hospital: { 'zh-CN': '医院', en: 'Hospital' },
  research: { 'zh-CN': '科研院所', en: 'Research institute' },
  socialOrganization: { 'zh-CN': '社会组织', en: 'Social organisation' },
  retired: { 'zh-CN': '离退休', en: 'Retired members' },
} as const satisfies Record<UnitType, { 'zh-CN': string; en: string }>

/** Every branch type with its labels, in the order of `UNIT_TYPES`. */
export function unitTypeList() {
  return UNIT_TYPES.map((key) => ({ key, label: UNIT_TYPE_LABELS[key] }))
}
