/**
 * How many slips fill one A4 page (`sheets.css` sizes them to fit inside 10 mm margins): token
 * slips two across and four down, link cards three across and five down.
 */
export const SLIPS_PER_SHEET = { tokens: 8, links: 15 } as const

/**
 * Items in groups of `size`, one group per printed page.
 *
 * @example
 * inSheets(['a', 'b', 'c'], 2) // [['a', 'b'], ['c']]
 */
export function inSheets<T>(items: readonly T[], size: number): T[][] {
  const sheets: T[][] = []
  for (let i = 0; i < items.length; i += size) sheets.push(items.slice(i, i + size))
  return sheets
}
