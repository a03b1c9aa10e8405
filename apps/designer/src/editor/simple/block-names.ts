import { uniqueName } from '../names'

type Json = Record<string, unknown>

/** Every question and panel name in a block's elements (nested panels included). */
export function blockNames(elements: readonly Json[]): string[] {
  const names: string[] = []
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return
    for (const element of list as Json[]) {
      if (typeof element?.name === 'string') names.push(element.name)
      walk(element?.elements)
      walk(element?.templateElements)
    }
  }
  walk(elements)
  return names
}

/**
 * A block's elements ready for a form whose names are `taken`: each name already used there is
 * renamed (`dues` → `dues1`, …) and every reference to it inside the block follows — `{dues}` in
 * an expression, `problemOf: 'dues'` of its 问题清单 — so the block works as it did where it was
 * saved. Returns new objects; the block is not changed.
 *
 * @example
 * forForm([{ type: 'text', name: 'q1' }], new Set(['q1']))[0].name // 'q11'
 */
export function forForm<T extends Json>(elements: readonly T[], taken: ReadonlySet<string>): T[] {
  const own = blockNames(elements)
  const used = new Set([...taken, ...own])
  const renamed = new Map<string, string>()
  for (const name of own) {
    if (!taken.has(name) || renamed.has(name)) continue
    const next = uniqueName(name, used)
    used.add(next)
    renamed.set(name, next)
  }
  if (renamed.size === 0) return structuredClone([...elements])
  const rename = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => rename(v))
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, k)]))
    }
    if (typeof value !== 'string') return value
    if ((key === 'name' || key === 'problemOf') && renamed.has(value)) return renamed.get(value)
    // `{name}` and `{name.item}` in expressions (visibleIf, requiredIf, …) and titles.
    return value.replace(/\{([^{}.]+)([.}])/g, (whole, name: string, end: string) =>
      renamed.has(name) ? `{${renamed.get(name)}${end}` : whole,
    )
  }
  return rename([...elements]) as T[]
}
