import type { FormJson } from '../types'
import type { NotCarriedCode, TextProblemCode } from './messages'
import type { TextSyntax } from './syntax'

/** A line `parseFormText` did not read as written: its number (from 1), why, and its text. */
export interface TextProblem {
  line: number
  code: TextProblemCode
  text: string
  /** What the message names: the tag, option or answer at fault. */
  detail?: string
}

/** What `parseFormText` returns: the form, the syntax it read, and every line it did not read. */
export interface FormTextResult {
  form: FormJson
  syntax: TextSyntax
  problems: TextProblem[]
}

/** Options of `parseFormText`. */
export interface ParseFormTextOptions {
  /** The syntax to read; `auto` (the default) tells 腾讯问卷's marks from 问卷星's. */
  syntax?: TextSyntax | 'auto'
}

/** Something of a form the text cannot carry, at its JSON path. */
export interface NotCarried {
  path: string
  code: NotCarriedCode
  detail?: string
}

/** What `formToText` returns. */
export interface FormToTextResult {
  text: string
  notCarried: NotCarried[]
}

/** Options of `formToText`. */
export interface FormToTextOptions {
  /** The syntax to write. Default `wjx`. */
  syntax?: TextSyntax
}
