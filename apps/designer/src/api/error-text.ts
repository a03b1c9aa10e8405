import type { RequestIssue } from '@yardstick/contract'
import {
  formMessage,
  RESPONSE_ERROR_CODES,
  type ResponseErrorCode,
  responseMessage,
} from '@yardstick/sdk'
import type { Locale, Translate } from '../i18n/translate'
import { type MessageKey, zhCN } from '../i18n/zh-CN'
import { ApiError } from './client'

/**
 * One problem with a field of a request, as the server lists them in `details.issues`
 * (`RequestIssue` in packages/contract/src/errors.ts): its path, zod's code and figures, and English prose that the
 * designer never shows.
 */
// The contract's shape, by a type-only import (erased from the bundle), as `error-codes.ts`
// does for the codes; every field optional, since a client reads what older servers sent too.
export type ApiIssue = Partial<RequestIssue>

/** Options of `errorText`. */
export interface ErrorTextOptions {
  /** The title people know a question by, for answers refused by name (default: the name). */
  questionTitle?: (name: string) => string
  /**
   * The title of an entry inside a question (a problem entry's 整改时限), for a required entry
   * refused by its `item` path (default: the path).
   */
  itemTitle?: (question: string, item: string) => string
}

const has = (key: string): key is MessageKey => Object.hasOwn(zhCN, key)

/**
 * The sentence the reader sees for an error, in their language, chosen by the error's `code`
 * (with its details filled in where they help) — never the server's English `message`. A code
 * the designer does not know gets a general sentence naming the code; anything that is not an
 * `ApiError` (a bug, a browser refusal) gets a general sentence too.
 *
 * @param error what was caught or what `useResource` holds
 * @param t the current language's `t`
 * @param locale the current language (for the SDK's own answer messages)
 * @example
 * errorText(new ApiError(404, 'notFound', 'No campaign 7'), t, 'zh-CN')
 * // '找不到要访问的内容：它可能已被删除，或链接有误。'
 */
export function errorText(
  error: unknown,
  t: Translate,
  locale: Locale,
  { questionTitle = (name) => name, itemTitle = (_, item) => item }: ErrorTextOptions = {},
): string {
  if (!(error instanceof ApiError)) return t('apiError.unexpected')
  const key = `apiError.${error.code}`
  if (!has(key)) return t('apiError.unknown', { code: error.code })
  const details = record(error.details)
  switch (error.code) {
    case 'invalidBody':
      return t(key, { n: Math.max(1, issuesOf(error).length) })
    case 'invalidAnswers': {
      const answers = Array.isArray(details.errors) ? details.errors.map(record) : []
      const texts = answers.map((issue) => answerIssueText(issue, locale, questionTitle, itemTitle))
      return t(key, {
        n: Math.max(1, texts.length),
        issues: texts.join(locale === 'en' ? '; ' : '；'),
      })
    }
    case 'conflict':
      if (details.rule === 'duplicateCode')
        return t('apiError.conflict.duplicateCode', { orgCode: String(details.orgCode ?? '') })
      if (typeof details.archivedAt === 'string') return t('apiError.conflict.archived')
      if (typeof details.workflow === 'string') return t('apiError.conflict.selfCheck')
      return t(key)
    case 'invalidTransition':
      return transitionText(details, t) ?? t(key)
    case 'treeRule': {
      // The rule's own sentence (apps/server/src/orgs/tree-rules.ts TREE_ISSUE_CODES), else the general one.
      const rule = `${key}.${String(details.rule)}`
      return has(rule) ? t(rule, { orgCode: String(details.orgCode ?? '') }) : t(key)
    }
    case 'responsesExist':
      if (!(Number(details.responses) > 0) && Number(details.selfChecks) > 0)
        return t('apiError.responsesExist.selfChecks', { selfChecks: Number(details.selfChecks) })
      return t(key, { responses: Number(details.responses) || 0 })
    case 'formTooDeep':
    case 'formTooLarge':
      // The SDK's sentence names where (details: `FormLimitIssue`); the general one otherwise.
      return typeof details.path === 'string'
        ? formMessage(error.code, locale, {
            path: details.path,
            limit: Number(details.limit),
            measure: String(details.measure),
          })
        : t(key, { limit: Number(details.limit) || '' })
    case 'tooManyAttempts':
      return t(key, {
        minutes: Math.max(1, Math.ceil(Number(details.retryAfterSeconds) / 60) || 1),
      })
    default:
      return t(key)
  }
}

/**
 * The sentence for one problem with a field, in the reader's language: zod's issue code with its
 * figures (`不能为空`, `不能小于 0`, …). An issue with no code of its own (a check the server
 * words itself) says what its error's code means for a field, else that the value is not
 * accepted.
 *
 * @param issue one entry of `details.issues`
 * @param t the current language's `t`
 * @param errorCode the code of the error the issue came with (e.g. `responsesExist`)
 * @example
 * issueText({ path: 'name', code: 'too_small', origin: 'string', minimum: 1 }, t) // '不能为空'
 */
export function issueText(issue: ApiIssue, t: Translate, errorCode?: string): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.received === 'undefined') return t('apiIssue.required')
      const type = `apiIssue.type.${issue.expected}`
      return has(type) ? t('apiIssue.type', { expected: t(type) }) : t('apiIssue.type.other')
    }
    case 'too_small':
      return sizeText('tooSmall', issue.origin, issue.minimum, issue.inclusive, t)
    case 'too_big':
      return sizeText('tooBig', issue.origin, issue.maximum, issue.inclusive, t)
    case 'invalid_format': {
      const format = ['datetime', 'date', 'time', 'iso'].includes(issue.format ?? '')
        ? 'datetime'
        : issue.format
      const key = `apiIssue.format.${format}`
      return has(key) ? t(key) : t('apiIssue.format')
    }
    case 'invalid_value':
      return t('apiIssue.invalidValue')
    case 'unrecognized_keys':
      return t('apiIssue.unrecognizedKeys', { keys: (issue.keys ?? []).join(', ') })
    case 'not_multiple_of':
      return t('apiIssue.notMultipleOf', { divisor: issue.divisor ?? '' })
    default: {
      const own = `apiIssue.${errorCode}`
      return errorCode && has(own) ? t(own) : t('apiIssue.invalid')
    }
  }
}

/**
 * The field issues an error carries (`details.issues`), or none.
 *
 * @example
 * issuesOf(error).map((issue) => issue.path) // ['name', 'sources.1.weight']
 */
export function issuesOf(error: unknown): ApiIssue[] {
  if (!(error instanceof ApiError)) return []
  const issues = record(error.details).issues
  return Array.isArray(issues) ? issues.map(record) : []
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function sizeText(
  kind: 'tooSmall' | 'tooBig',
  origin: string | undefined,
  limit: number | undefined,
  inclusive: boolean | undefined,
  t: Translate,
): string {
  const figure = { minimum: limit ?? '', maximum: limit ?? '' }
  const empty = kind === 'tooSmall' && limit === 1
  switch (origin) {
    case 'string':
      return t(empty ? 'apiIssue.tooSmall.stringEmpty' : `apiIssue.${kind}.string`, figure)
    case 'number':
    case 'int':
    case 'bigint':
      return t(
        inclusive === false ? `apiIssue.${kind}.numberExclusive` : `apiIssue.${kind}.number`,
        figure,
      )
    case 'array':
    case 'set':
      return t(empty ? 'apiIssue.tooSmall.arrayEmpty' : `apiIssue.${kind}.array`, figure)
    default:
      return t(`apiIssue.${kind}`, figure)
  }
}

// A status is named by the first table that knows both ends (campaign, self-check and
// rectification statuses share words such as `open` and `draft`).
const STATUS_TABLES = ['selfStatus', 'rectStatus', 'status'] as const

function transitionText(details: Record<string, unknown>, t: Translate): string | null {
  const { from, to, missing } = details
  // Refused for what is missing, not for the state: the screen that asked says what to add.
  if (typeof from !== 'string' || typeof to !== 'string' || missing !== undefined) return null
  for (const table of STATUS_TABLES) {
    const [a, b] = [`${table}.${from}`, `${table}.${to}`]
    if (has(a) && has(b)) return t('apiError.invalidTransition.states', { from: t(a), to: t(b) })
  }
  return null
}

// The SDK words its own answer checks (one home: packages/sdk/src/messages.ts), per language.
function answerIssueText(
  issue: Record<string, unknown>,
  locale: Locale,
  questionTitle: (name: string) => string,
  itemTitle: (question: string, item: string) => string,
): string {
  const question = String(issue.question ?? '')
  const name = questionTitle(question)
  const code = String(issue.code)
  // A code this SDK does not know (a newer server): name the question, never English prose.
  if (!Object.hasOwn(RESPONSE_ERROR_CODES, code)) return name
  const params = record(issue.params) as Record<string, string | number>
  // A required entry inside the question (validateResponse's `item`): named by its own title.
  if (typeof issue.item === 'string') params.item = itemTitle(question, issue.item)
  return responseMessage(code as ResponseErrorCode, locale, { ...params, name })
}
