import { type FormJson, localizedText } from '@yardstick/sdk'

/** A dimension as results name it: its key and its title in Chinese and English. */
export interface DimensionTitle {
  name: string
  title: { 'zh-CN': string; en: string }
}

/**
 * The dimensions the forms declare (`dimensions: [{ name, title }]`), in the first form's order
 * and then any other form's new ones, each once; a title missing in a locale falls back to the
 * form's default text, then to the name.
 *
 * @example
 * declaredDimensions([templates.selfCheck])[0]
 * // { name: 'politicalFunction', title: { 'zh-CN': '政治功能强', en: 'Strong political function' } }
 */
export function declaredDimensions(forms: readonly FormJson[]): DimensionTitle[] {
  const seen = new Map<string, DimensionTitle>()
  for (const form of forms) {
    for (const dimension of Array.isArray(form.dimensions) ? form.dimensions : []) {
      if (typeof dimension?.name !== 'string' || seen.has(dimension.name)) continue
      seen.set(dimension.name, titled(dimension.name, dimension.title))
    }
  }
  return [...seen.values()]
}

/**
 * A dimension named by its key alone (one the data holds but no form declares).
 *
 * @example
 * titled('featured') // { name: 'featured', title: { 'zh-CN': 'featured', en: 'featured' } }
 */
export function titled(name: string, title?: FormJson['title']): DimensionTitle {
  return {
    name,
    title: { 'zh-CN': localizedText(title, 'zh-CN', name), en: localizedText(title, 'en', name) },
  }
}
