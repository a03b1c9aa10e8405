/**
 * The caps on a form's shape and their one check, without survey-core.
 *
 * @module @yardstick/sdk/limits
 */
// The caps on a form's shape, and the one check of them. No survey-core here: the check runs
// BEFORE anything builds a SurveyJS model (whose page-visibility work grows with the cube of the
// nesting depth: 320 nested panels took 25 s), and `@yardstick/doc` and the server's request
// path read it through `@yardstick/sdk/limits` without loading SurveyJS.
import { type FORM_ERROR_CODES, formMessage } from './messages'
import type { Locale } from './text'

/**
 * The largest form Yardstick accepts, checked at save, at publish, in `@yardstick/doc` edits and
 * on the co-editing socket (docs/DESIGN.md §2, "Limits"):
 * - `maxDepth` 10: elements nested in elements (panels, dynamic panels' `templateElements`,
 *   matrices' `detailElements`); a question directly on a page is at depth 1. The templates use
 *   1; a SurveyJS model of 10 nested panels builds in ~15 ms.
 * - `maxElements` 1,000: pages, panels and questions together. The largest template (the quiz
 *   bank) has 111; the largest allowed form validates in 1–3 s on one core (RELIABILITY.md,
 *   "Large and deep forms").
 * - `maxJsonDepth` 64: objects and arrays nested anywhere in the JSON (a form at `maxDepth`
 *   needs about 30), so nothing recursive downstream (the content hash, the Yjs encoder,
 *   SurveyJS's serializer) meets deeper input.
 *
 * @example
 * FORM_LIMITS.maxDepth // 10
 */
export const FORM_LIMITS = { maxDepth: 10, maxElements: 1000, maxJsonDepth: 64 } as const

/** The caps a check uses: `FORM_LIMITS` unless a caller narrows them (tests). */
export type FormLimits = { [K in keyof typeof FORM_LIMITS]: number }

/** Why a form is over a cap: a code of `FORM_ERROR_CODES`. */
export type FormLimitCode =
  | typeof FORM_ERROR_CODES.formTooDeep
  | typeof FORM_ERROR_CODES.formTooLarge

/** The first place a form goes over a cap, in document order. */
export interface FormLimitIssue {
  code: FormLimitCode
  /** JSON path of the element (or value) over the cap, as `validateForm` reports paths. */
  path: string
  /** Which cap: element nesting, JSON nesting, or the element count. */
  measure: 'elements' | 'json' | 'count'
  /** The cap that was exceeded. */
  limit: number
}

/** Where the checked JSON sits, when it is a part of a form (an element being added). */
export interface FormLimitOptions {
  /** What the JSON is: a whole form (default), one page, or one element. */
  root?: 'form' | 'page' | 'element'
  /** Element depth of the container it goes into (0: a page or the form's top level). */
  depth?: number
  /** Pages and elements the form already holds besides this JSON. */
  elements?: number
  /** JSON depth of the object it goes into (0 for a whole form). */
  jsonDepth?: number
  /** Caps to check against; `FORM_LIMITS` by default. */
  limits?: FormLimits
}

// Arrays whose objects SurveyJS reads as pages or elements.
const ELEMENT_SLOTS = new Set(['elements', 'templateElements', 'detailElements'])

interface Frame {
  value: unknown
  key: string | number
  parent: Frame | null
  jsonDepth: number
  /** Element depth when this object is a page or element, else -1 (a plain value). */
  node: number
}

/**
 * The first place a form goes over `FORM_LIMITS`, or `null`. Iterative (no recursion, so any
 * nesting is safe) and stops at the first excess: a 320-deep form is refused after 11 levels.
 *
 * @param json the form JSON (or a page or element of one, with `options.root`)
 * @param options where a part sits (`depth`, `elements`, `jsonDepth`) and the caps
 * @example
 * let deep: Record<string, unknown> = { type: 'text', name: 'q' }
 * for (let i = 0; i < 20; i++) deep = { type: 'panel', name: `p${i}`, elements: [deep] }
 * formLimitIssue({ pages: [{ elements: [deep] }] })?.code // 'formTooDeep'
 */
export function formLimitIssue(
  json: unknown,
  {
    root = 'form',
    depth = 0,
    elements = 0,
    jsonDepth = 0,
    limits = FORM_LIMITS,
  }: FormLimitOptions = {},
): FormLimitIssue | null {
  let count = elements
  const rootNode = root === 'form' ? depth : root === 'page' ? depth : depth + 1
  const stack: Frame[] = [
    { value: json, key: '', parent: null, jsonDepth: jsonDepth + 1, node: rootNode },
  ]
  if (root !== 'form') count++
  if (count > limits.maxElements) return issue('formTooLarge', 'count', stack[0], limits)
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value } = frame
    if (!value || typeof value !== 'object') continue
    if (frame.jsonDepth > limits.maxJsonDepth) return issue('formTooDeep', 'json', frame, limits)
    if (frame.node > limits.maxDepth) return issue('formTooDeep', 'elements', frame, limits)
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value)
    const isForm = frame.parent === null && root === 'form'
    const children: Frame[] = []
    for (const [key, child] of entries) {
      const slot = frame.node >= 0 && typeof key === 'string' && isSlot(key, isForm)
      if (slot && Array.isArray(child)) {
        const arrayFrame: Frame = {
          value: child,
          key,
          parent: frame,
          jsonDepth: frame.jsonDepth + 1,
          node: -1,
        }
        if (arrayFrame.jsonDepth > limits.maxJsonDepth)
          return issue('formTooDeep', 'json', arrayFrame, limits)
        const nodeDepth = key === 'pages' ? frame.node : frame.node + 1
        child.forEach((entry, i) => {
          const isNode = !!entry && typeof entry === 'object' && !Array.isArray(entry)
          children.push({
            value: entry,
            key: i,
            parent: arrayFrame,
            jsonDepth: arrayFrame.jsonDepth + 1,
            node: isNode ? nodeDepth : -1,
          })
        })
      } else {
        children.push({
          value: child,
          key,
          parent: frame,
          jsonDepth: frame.jsonDepth + 1,
          node: -1,
        })
      }
    }
    // In reverse, so they are popped (and counted) in document order.
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i] as Frame
      stack.push(child)
    }
    for (const child of children) {
      if (child.node < 0) continue
      count++
      if (count > limits.maxElements) return issue('formTooLarge', 'count', child, limits)
    }
  }
  return null
}

function isSlot(key: string, isForm: boolean): boolean {
  return isForm ? key === 'pages' || key === 'elements' : ELEMENT_SLOTS.has(key)
}

function issue(
  code: FormLimitCode,
  measure: FormLimitIssue['measure'],
  frame: Frame | undefined,
  limits: FormLimits,
): FormLimitIssue {
  const limit =
    measure === 'count'
      ? limits.maxElements
      : measure === 'json'
        ? limits.maxJsonDepth
        : limits.maxDepth
  return { code, path: pathOf(frame), measure, limit }
}

/** `pages[0].elements[3]`: the lint format of `validateForm`'s paths. */
function pathOf(frame: Frame | undefined): string {
  const keys: Array<string | number> = []
  for (let f = frame; f?.parent; f = f.parent) keys.push(f.key)
  let path = ''
  for (const key of keys.reverse()) {
    path = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key
  }
  return path
}

/**
 * The text of a limit issue (`formMessage` with its figures), zh-CN by default.
 *
 * @example
 * formLimitMessage({ code: 'formTooLarge', path: 'pages[3]', measure: 'count', limit: 1000 }, 'en')
 */
export function formLimitMessage(found: FormLimitIssue, locale: Locale = 'zh-CN'): string {
  return formMessage(found.code, locale, {
    path: found.path,
    limit: found.limit,
    measure: found.measure,
  })
}

/**
 * An edit or a form refused for going over `FORM_LIMITS`: thrown by `@yardstick/doc`'s edits and
 * `assertFormLimits`; `issue` says which cap and where.
 *
 * @example
 * try { addElement(doc, target, me) } catch (e) { if (e instanceof FormLimitError) show(e.issue) }
 */
export class FormLimitError extends Error {
  readonly code: FormLimitCode
  constructor(readonly issue: FormLimitIssue) {
    super(formLimitMessage(issue, 'en'))
    this.name = 'FormLimitError'
    this.code = issue.code
  }
}

/**
 * Throws `FormLimitError` when `formLimitIssue` finds one.
 *
 * @example
 * assertFormLimits(json) // throws for a form of 320 nested panels
 */
export function assertFormLimits(json: unknown, options?: FormLimitOptions): void {
  const found = formLimitIssue(json, options)
  if (found) throw new FormLimitError(found)
}
