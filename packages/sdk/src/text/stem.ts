import {
  ANSWER_TAG,
  FOLLOW_UP_TAG,
  KIND_TAGS,
  OPTIONAL_TAGS,
  POINTS_TAG,
  QUESTION_LINE,
  REQUIRED_TAGS,
  type TextQuestionKind,
} from './syntax'

/** A question's first line, read: its text and what its trailing tags say. */
export interface Stem {
  numbered: boolean
  title: string
  kind?: TextQuestionKind
  /** A `[…题]` tag that names no kind we know. */
  unknownTag?: string
  /** From `（选填）` / `[必答]`…; undefined when the line says nothing. */
  required?: boolean
  /** The older 问卷星 mark `题干*[单选题]`. */
  star: boolean
  followUp: boolean
  description?: string
  answer?: string
  points?: number
}

// One trailing group in any of the four bracket pairs offices use around a tag.
const TRAILING_GROUP = /(?:\[([^[\]]*)\]|【([^【】]*)】|\(([^()]*)\)|（([^（）]*)）)\s*$/

interface Group {
  content: string
  paren: boolean
  start: number
}

function trailingGroups(text: string): Group[] {
  const groups: Group[] = []
  let rest = text
  for (;;) {
    const match = TRAILING_GROUP.exec(rest)
    if (!match) break
    const content = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').trim()
    groups.unshift({
      content,
      paren: match[3] !== undefined || match[4] !== undefined,
      start: match.index,
    })
    rest = rest.slice(0, match.index)
  }
  return groups
}

/** Whether a line, read as a stem, names a question kind: it then starts a question. */
export function hasKindTag(line: string): boolean {
  return readStem(line).kind !== undefined
}

/** Whether a line starts with a question number `N.`. */
export function isNumbered(line: string): boolean {
  return QUESTION_LINE.test(line)
}

/**
 * Reads a question's first line: the number, then the text, then tags read from the right
 * while they are tags — so a title that ends in brackets of its own (`年龄（周岁）`) keeps them.
 * A parenthesised group right after the kind tag is 腾讯问卷's description.
 */
export function readStem(line: string): Stem {
  const numberMatch = QUESTION_LINE.exec(line)
  const body = numberMatch ? (numberMatch[2] ?? '') : line
  const stem: Stem = { numbered: numberMatch !== null, title: '', star: false, followUp: false }
  const groups = trailingGroups(body)
  let cut = body.length
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] as Group
    const left = groups[i - 1]
    if (!readTag(group.content, stem)) {
      const beforeKind = left !== undefined && KIND_TAGS[left.content] !== undefined
      if (group.paren && beforeKind && stem.kind === undefined && stem.description === undefined) {
        stem.description = group.content
      } else if (!group.paren && /题$/.test(group.content) && stem.kind === undefined) {
        stem.unknownTag = group.content
      } else break
    }
    cut = group.start
  }
  let title = body.slice(0, cut).trim()
  if (/[*＊]$/.test(title)) {
    stem.star = true
    title = title.slice(0, -1).trim()
  }
  stem.title = title
  return stem
}

function readTag(content: string, stem: Stem): boolean {
  const kind = KIND_TAGS[content]
  if (kind !== undefined && stem.kind === undefined) {
    stem.kind = kind
    return true
  }
  if (OPTIONAL_TAGS.has(content)) {
    stem.required ??= false
    return true
  }
  if (REQUIRED_TAGS.has(content)) {
    stem.required ??= true
    return true
  }
  if (content === FOLLOW_UP_TAG) {
    stem.followUp = true
    return true
  }
  const answer = ANSWER_TAG.exec(content)
  if (answer) {
    stem.answer = (answer[1] ?? '').trim()
    return true
  }
  const points = POINTS_TAG.exec(content)
  if (points) {
    stem.points = Number(points[1])
    return true
  }
  return false
}
