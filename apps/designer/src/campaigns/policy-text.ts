import type { Translate } from '../i18n/translate'
import { type MessageKey, zhCN } from '../i18n/zh-CN'
import { sourceName } from './source-name'

/**
 * What is wrong with the evaluation rules, in the reader's language, by the SDK's policy error
 * code (`EvaluationPolicyError.code`, or the server's `details.policyError`): the source by its
 * name (自评, 党员群众测评 …) and a band by its number, never the SDK's English or a source key.
 *
 * @param issue the code and the field path with the source named by key (`sources.members.weight`,
 *   see `keyedPath`) or a band by index (`bands.1.min`)
 * @param t the current language's `t`
 * @example
 * policyIssueText({ code: 'invalidWeight', path: 'sources.members.weight' }, t)
 * // '党员群众测评的权重必须是大于 0 的数'
 */
export function policyIssueText(issue: { code: string; path: string }, t: Translate): string {
  const key = `policyError.${issue.code}`
  if (!Object.hasOwn(zhCN, key)) return t('apiIssue.invalid')
  const source = /^sources\.([^.]+)/.exec(issue.path)?.[1]
  const band = /^bands\.(\d+)/.exec(issue.path)?.[1]
  return t(key as MessageKey, {
    source: source === undefined ? '' : sourceName(t, source),
    n: band === undefined ? '' : Number(band) + 1,
  })
}
