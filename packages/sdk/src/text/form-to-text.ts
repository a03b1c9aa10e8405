import type { DimensionJson, ElementJson, FormJson, PageJson } from '../types'
import type { TextSyntax } from './syntax'
import type { FormToTextOptions, FormToTextResult, NotCarried } from './types'
import { isFollowUpOf, textKind, writeQuestion } from './write-question'
import { type Leave, plain, standsApart } from './write-text'

const FORM_KEYS = ['title', 'description', 'kind', 'dimensions', 'pages']
const PAGE_KEYS = ['name', 'title', 'elements']

/**
 * Writes a form as the text `parseFormText` reads (问卷星's syntax by default, or 腾讯问卷's),
 * with our extensions: `【维度】` headings, option scores `(1分)`, `[是否题][问题清单]`, exam
 * marks. For a form within the format, `parseFormText(formToText(form).text).form` equals the
 * form; everything else the text cannot carry is listed in `notCarried` by JSON path
 * (`notCarriedMessage` words it): translations, logic, panels, names other than `q1`, `q2`, ….
 *
 * @param form the form JSON
 * @param options `syntax`: `wjx` (default) or `tencent`
 * @example
 * formToText({ title: '调查', pages: [{ name: 'page1', elements: [{ type: 'text', name: 'q1', title: '姓名', isRequired: true }] }] }).text
 * // '调查\n\n1. 姓名[填空题]\n'
 */
export function formToText(
  form: FormJson,
  { syntax = 'wjx' }: FormToTextOptions = {},
): FormToTextResult {
  const notCarried: NotCarried[] = []
  const leave: Leave = (path, code, detail) =>
    notCarried.push({ path, code, ...(detail === undefined ? {} : { detail }) })
  for (const key of Object.keys(form))
    if (!FORM_KEYS.includes(key) && !(key === 'kind' && form.kind === 'quiz'))
      leave(key, 'property', key)
  if (form.kind !== undefined && form.kind !== 'quiz') leave('kind', 'kind', String(form.kind))

  const blocks: string[][] = []
  const title = plain(form.title, 'title', leave)
  const description = plain(form.description, 'description', leave)
  if (title !== '' || description !== '') {
    const head = [title, ...(description === '' ? [] : description.split('\n'))]
    if (head.some(standsApart) || /^\s*\d+\s*[.．、)）]/.test(title) || /[[【(（]/.test(title))
      leave('title', 'multiline')
    blocks.push(head)
  }
  const dimensions = form.dimensions ?? []
  dimensions.forEach((d, i) => {
    if (d.name !== `dim${i + 1}`) leave(`dimensions[${i}].name`, 'name', d.name)
    for (const key of Object.keys(d))
      if (!['name', 'title', 'weight'].includes(key))
        leave(`dimensions[${i}].${key}`, 'property', key)
  })
  const headed = new Set<string>()
  let current: string | undefined
  const heading = (name: string, path: string): string[] | undefined => {
    const dimension = dimensions.find((d) => d.name === name)
    if (!dimension) {
      leave(path, 'dimension')
      return undefined
    }
    return [dimensionLine(dimension, dimensions.indexOf(dimension), !headed.has(name), leave)]
  }

  let count = 0
  const pages: PageJson[] = form.pages ?? [{ elements: form.elements ?? [] }]
  pages.forEach((page, p) => {
    const pagePath = form.pages ? `pages[${p}]` : ''
    for (const key of Object.keys(page))
      if (!PAGE_KEYS.includes(key)) leave(`${pagePath}.${key}`, 'property', key)
    if (form.pages && page.name !== `page${p + 1}`)
      leave(`${pagePath}.name`, 'name', String(page.name))
    const pageTitle = plain(page.title, `${pagePath}.title`, leave)
    current = undefined
    if (p > 0 || pageTitle !== '') blocks.push([pageBreak(syntax, pageTitle)])
    const elements = flatten(
      page.elements ?? [],
      `${pagePath ? `${pagePath}.` : ''}elements`,
      leave,
    )
    elements.forEach(({ element, path }, i) => {
      if (element.problemOf !== undefined) {
        const item = elements[i - 1]?.element
        if (
          !item ||
          textKind(item) !== 'yesNo' ||
          element.problemOf !== item.name ||
          !isFollowUpOf(element, item.name)
        )
          leave(path, 'problemEntry')
        return
      }
      const kind = textKind(element)
      if (kind === undefined) {
        leave(path, 'unsupportedType', element.type)
        return
      }
      const expected = `q${++count}`
      if (element.name !== expected) leave(`${path}.name`, 'name', element.name)
      const next = elements[i + 1]?.element
      const followUp = kind === 'yesNo' && isFollowUpOf(next, element.name)
      if (kind !== 'paragraph' && element.dimension !== current) {
        if (element.dimension === undefined) leave(`${path}.dimension`, 'dimension')
        else {
          const line = heading(element.dimension, `${path}.dimension`)
          if (line) {
            blocks.push(line)
            headed.add(element.dimension)
            current = element.dimension
          }
        }
      }
      const number = blocks.filter((b) => /^\d+\. /.test(b[0] ?? '')).length + 1
      blocks.push(
        writeQuestion(element, kind, {
          syntax,
          number,
          path,
          quiz: form.kind === 'quiz',
          followUp,
          leave,
        }),
      )
    })
  })
  dimensions.forEach((d, i) => {
    if (!headed.has(d.name)) leave(`dimensions[${i}]`, 'dimension')
  })
  return { text: `${blocks.map((b) => b.join('\n')).join('\n\n')}\n`, notCarried }
}

/** 问卷星 writes `=====分页栏=====`, 腾讯问卷 `=== 分页 ===`; ours add the page's title. */
function pageBreak(syntax: TextSyntax, title: string): string {
  const [fence, word] = syntax === 'wjx' ? ['=====', '分页栏'] : ['===', ' 分页 ']
  return title === '' ? `${fence}${word}${fence}` : `${fence}${word.trimEnd()}：${title} ${fence}`
}

function dimensionLine(dimension: DimensionJson, i: number, first: boolean, leave: Leave): string {
  const title = plain(dimension.title, `dimensions[${i}].title`, leave)
  if (title === '' || standsApart(title) || /[(（]/.test(title))
    leave(`dimensions[${i}].title`, 'multiline')
  const weight = first && dimension.weight !== undefined ? `（权重：${dimension.weight}）` : ''
  return `【维度】${title}${weight}`
}

/** The elements in order, a panel's in its place (the text has no panels). */
function flatten(
  elements: ElementJson[],
  path: string,
  leave: Leave,
): Array<{ element: ElementJson; path: string }> {
  return elements.flatMap((element, i) => {
    const at = `${path}[${i}]`
    if (element.type !== 'panel') return [{ element, path: at }]
    leave(at, 'panel')
    return flatten(element.elements ?? [], `${at}.elements`, leave)
  })
}
