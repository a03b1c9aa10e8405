/** Editors' colours: distinct, readable on white, and valid for presence (hex, SPEC [DOC17]). */
export const EDITOR_COLORS = [
  '#d9480f',
  '#1971c2',
  '#2f9e44',
  '#9c36b5',
  '#e8590c',
  '#0c8599',
  '#c2255c',
  '#5f3dc4',
  '#66a80f',
  '#862e9c',
] as const

/**
 * A stable colour for a user id (the same on every screen).
 *
 * @example
 * colorFor(3) // '#9c36b5'
 */
export function colorFor(userId: number | string): string {
  const n =
    typeof userId === 'number'
      ? userId
      : [...userId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7)
  return EDITOR_COLORS[Math.abs(n) % EDITOR_COLORS.length] ?? EDITOR_COLORS[0]
}

/**
 * What an avatar shows: the first character of a Chinese name (names here are often an office
 * and a role, 组织处 表单设计 → 组), else up to two initials.
 *
 * @example
 * initialsOf('组织处 表单设计') // '组'
 * initialsOf('Wang Fang') // 'WF'
 */
export function initialsOf(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) return '?'
  if (/^\p{Script=Han}/u.test(trimmed)) return [...trimmed][0] ?? '?'
  return trimmed
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
}
