import { type MessageKey, zhCN } from './zh-CN'

/** The interface languages, zh-CN first. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** Params of a message: `{name}` in the string is replaced by `params.name`. */
export type MessageParams = Record<string, string | number>
export type Translate = (key: MessageKey, params?: MessageParams) => string

/**
 * A `t` function over one string table (zh-CN when none is given).
 *
 * @example
 * translator()('forms.total', { n: 3 }) // '共 3 份'
 */
export function translator(table?: Readonly<Record<MessageKey, string>>): Translate {
  const strings: Readonly<Record<MessageKey, string>> = table ?? zhCN
  return (key, params) => interpolate(strings[key] ?? zhCN[key] ?? key, params)
}

/**
 * Replaces `{name}` placeholders; unknown placeholders stay as written (so a literal
 * `{theoryStudy}` in a hint survives).
 *
 * @example
 * interpolate('第 {n} 版', { n: 2 }) // '第 2 版'
 */
export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  )
}
