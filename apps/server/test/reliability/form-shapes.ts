// The forms of RELIABILITY.md "Large and deep forms": the attack (panels nested 320 deep, about
// 20 KB) and the largest form FORM_LIMITS allows (every cap reached at once).
import { FORM_LIMITS } from '@yardstick/sdk'

type Json = Record<string, unknown>

/** A form of `depth` panels nested in one another, a question in the innermost. */
export function nestedPanelsForm(depth: number): Json {
  let inner: Json = { type: 'text', name: 'nestedQuestion' }
  for (let i = depth; i > 0; i--)
    inner = { type: 'panel', name: `nestedPanel${i}`, elements: [inner] }
  return { title: '嵌套攻击', pages: [{ name: 'page1', elements: [inner] }] }
}

/**
 * The largest form allowed: `FORM_LIMITS.maxElements` pages, panels and questions, ten pages of
 * panels nested to `maxDepth`, the questions (scored single choices with zh-CN and English text,
 * each shown by the answer before it) in the innermost panels at depth `maxDepth`.
 */
export function largestAllowedForm(): Json {
  const pagesCount = 10
  const panelsPerPage = FORM_LIMITS.maxDepth - 1
  const perPage = (FORM_LIMITS.maxElements - pagesCount) / pagesCount - panelsPerPage
  const pages = Array.from({ length: pagesCount }, (_, p) => {
    const questions = Array.from({ length: perPage }, (_, q) => {
      const name = `q${p}_${q}`
      return {
        type: 'radiogroup',
        name,
        title: {
          default: `第 ${p + 1} 页第 ${q + 1} 题：本支部是否按要求完成？`,
          en: `Page ${p + 1}, question ${q + 1}`,
        },
        isRequired: true,
        ...(q > 0 ? { visibleIf: `{q${p}_${q - 1}} != 'na'` } : {}),
        choices: [
          { value: 'yes', text: { default: '是', en: 'Yes' }, score: 2 },
          { value: 'no', text: { default: '否', en: 'No' }, score: 0 },
          { value: 'na', text: { default: '不适用', en: 'N/A' }, score: 0 },
        ],
      }
    })
    let inner: Json = { type: 'panel', name: `panel${p}_${panelsPerPage}`, elements: questions }
    for (let d = panelsPerPage - 1; d > 0; d--) {
      inner = { type: 'panel', name: `panel${p}_${d}`, title: `第 ${d} 层`, elements: [inner] }
    }
    return { name: `page${p}`, elements: [inner] }
  })
  return { title: '最大允许表单', pages }
}
