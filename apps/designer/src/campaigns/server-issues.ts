import type { SourceKey } from '@yardstick/sdk'
import { ApiError } from '../api/client'
import { type ApiIssue, issuesOf, issueText } from '../api/error-text'
import type { Translate } from '../i18n/translate'
import { keyedPath } from './policy'
import { policyIssueText } from './policy-text'

/**
 * One field problem the server answered a campaign request with, kept as the server sent it so
 * it is worded in whatever language the reader switches to: the issue, the code of its error
 * and, for rules the SDK refused, the SDK's policy error code.
 */
export interface ServerIssue {
  issue: ApiIssue
  errorCode: string
  policyError?: string
}

/**
 * The field problems of a refused campaign request, by field path with the source named by key
 * (`sources.members.weight`); the first problem of a field wins.
 *
 * @param error what the request threw
 * @param enabled the sources sent, in the request's order (the server names them by place)
 * @example
 * setServerIssues(serverIssuesOf(caught, ['self', 'members']))
 */
export function serverIssuesOf(
  error: unknown,
  enabled: readonly SourceKey[],
): Record<string, ServerIssue> {
  if (!(error instanceof ApiError)) return {}
  const details = error.details as
    | { policyError?: unknown; sourceError?: unknown }
    | null
    | undefined
  // The server's checks of the list of sources (one self-check, panels) are worded as the rules'.
  const code = details?.policyError ?? details?.sourceError
  const policyError = typeof code === 'string' ? code : undefined
  const out: Record<string, ServerIssue> = {}
  for (const issue of issuesOf(error)) {
    const path = keyedPath(issue.path ?? '', enabled)
    out[path] ??= { issue: { ...issue, path }, errorCode: error.code, policyError }
  }
  return out
}

/**
 * A server issue in the reader's language: a refused rule by its policy code, anything else by
 * its request issue code (`issueText`).
 *
 * @example
 * serverIssueText(serverIssues.name, t) // '不能为空'
 */
export function serverIssueText({ issue, errorCode, policyError }: ServerIssue, t: Translate) {
  return policyError
    ? policyIssueText({ code: policyError, path: issue.path ?? '' }, t)
    : issueText(issue, t, errorCode)
}
