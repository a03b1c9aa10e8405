import type { FormView } from '@yardstick/doc'
import { addElement, addPage, type ElementTarget } from '@yardstick/doc'
import type { ElementJson } from '@yardstick/sdk'
import type * as Y from 'yjs'
import { forForm } from '../simple/block-names'
import { insertTarget, pageInsertIndex, pageOf } from '../tree/places'
import {
  type Block,
  blockJson,
  pageJson,
  type QuestionType,
  questionJson,
  type ToolContext,
  type ToolOutput,
} from './tools'

/**
 * A toolbox entry: a SurveyJS type, an assessment block, a page, or an office's saved block
 * (its elements, renamed where the form already uses a name).
 */
export type Tool =
  | { type: QuestionType }
  | { block: Block }
  | { page: true }
  | { saved: readonly ElementJson[] }

/** Where the doc edits go: the document and this editor's origin. */
export interface EditTarget {
  doc: Y.Doc
  origin: object
}

/** The names a new element must avoid, and the dimension the selection counts toward. */
export function toolContext(view: FormView, selected: string | null): ToolContext {
  const taken = new Set(view.names)
  for (const id of view.pages) {
    const name = view.nodes.get(id)?.json.name
    if (typeof name === 'string') taken.add(name)
  }
  const node = selected ? view.nodes.get(selected) : undefined
  const dimensions = new Set(
    (view.json.dimensions ?? []).map((d) => d.name).filter((n) => typeof n === 'string'),
  )
  const own = typeof node?.json.dimension === 'string' ? node.json.dimension : undefined
  const pageName = selected ? pageOf(view, selected)?.json.name : undefined
  const fromPage = typeof pageName === 'string' && dimensions.has(pageName) ? pageName : undefined
  return { taken, dimension: own ?? fromPage }
}

/** What a tool adds, for this view and selection. */
export function toolOutput(tool: Tool, context: ToolContext): ToolOutput {
  if ('page' in tool) return { kind: 'page', page: pageJson(context) }
  if ('block' in tool) return blockJson(tool.block, context)
  if ('saved' in tool) return { kind: 'elements', elements: forForm(tool.saved, context.taken) }
  return { kind: 'elements', elements: [questionJson(tool.type, context)] }
}

/**
 * Adds what a tool makes where the selection says (after a question, inside a page or panel,
 * else at the end), or at `at` (a drop on the tree); a form without pages first gets a page.
 * Each addition is one edit with the editor's origin, so the editor can undo it.
 *
 * @returns the id of the first node added (to select it), or null
 */
export function insertTool(
  { doc, origin }: EditTarget,
  view: FormView,
  selected: string | null,
  tool: Tool,
  at?: ElementTarget,
): string | null {
  const context = toolContext(view, selected ?? (at ? at.parent : null))
  const output = toolOutput(tool, context)
  if (output.kind === 'page') {
    const page = at ? pageOf(view, at.parent) : null
    const index = page ? page.index : pageInsertIndex(view, selected)
    return addPage(doc, { json: output.page, index }, origin)
  }
  let target: ElementTarget | null = at ?? insertTarget(view, selected)
  if (!target) {
    const page = addPage(doc, { json: pageJson(context) }, origin)
    target = { parent: page }
  }
  let first: string | null = null
  let index = target.index
  for (const json of output.elements) {
    const id = addElement(doc, { ...target, index, json }, origin)
    first ??= id
    if (index !== undefined) index++
  }
  return first
}
