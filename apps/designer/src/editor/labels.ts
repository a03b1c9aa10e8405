import type { NodeView } from '@yardstick/doc'
import { localizedText } from '@yardstick/sdk'
import type { MessageKey } from '../i18n/zh-CN'
import { QUESTION_TYPES } from './toolbox/tools'

/** A node's title in the interface language, else its name. */
export function nodeTitle(node: NodeView, locale: string): string {
  const title = localizedText(node.json.title as never, locale).trim()
  return title || String(node.json.name ?? '')
}

/** The i18n key of a question type, when the toolbox knows it. */
export function typeKey(type: unknown): MessageKey | null {
  const known = QUESTION_TYPES.find((t) => t === type)
  return known ? `type.${known}` : null
}

/** One letter or sign per question type, shown before a tree row. */
export function typeGlyph(node: NodeView): string {
  if (node.kind === 'page') return '▤'
  if (node.kind === 'panel') return '▣'
  switch (node.json.type) {
    case 'radiogroup':
      return '◉'
    case 'checkbox':
    case 'tagbox':
      return '☑'
    case 'dropdown':
      return '▾'
    case 'boolean':
      return '◐'
    case 'rating':
      return '★'
    case 'matrix':
    case 'matrixdropdown':
      return '▦'
    case 'multipletext':
      return '☰'
    case 'comment':
      return '¶'
    case 'html':
      return 'ℹ'
    default:
      return 'T'
  }
}
