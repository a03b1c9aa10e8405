import type { ILintFinding } from 'survey-core/linter'
import { FORM_ERROR_CODES } from './messages'

/**
 * SurveyJS lint findings that `validateForm` lowers from error to warning: the form still works
 * as written, so they advise rather than block publishing.
 * - `reference/self`: a condition reading its own question (`{q} notempty` on q) is legal and
 *   runs; SurveyJS's own examples use it.
 * - `reference/unknown` in a text (`{panel.who}` in a title, `refKind: 'textPiping'`) renders
 *   empty, and a dynamic panel's `keyName` that names no template question checks nothing.
 * Every other SurveyJS `error` blocks (a condition that cannot be parsed or names nothing the
 * form or the host (`knownVariables`) knows, a calculated-value cycle, a dead choices source, a
 * trigger with no target…), and SurveyJS's warnings and infos stay warnings.
 */
export const LOWERED_LINT_RULES = ['reference/self'] as const

/** Codes a caller can never ignore: past them `validateForm` does not even build a model. */
export const UNIGNORABLE_CODES: ReadonlySet<string> = new Set([
  FORM_ERROR_CODES.notAnObject,
  FORM_ERROR_CODES.formTooDeep,
  FORM_ERROR_CODES.formTooLarge,
])

/**
 * Whether a lint finding blocks publishing, by the policy above.
 *
 * @example
 * blocksPublishing({ ruleId: 'expression/syntax', severity: 'error', … }) // true
 */
export function blocksPublishing(finding: ILintFinding): boolean {
  if (finding.severity !== 'error') return false
  if ((LOWERED_LINT_RULES as readonly string[]).includes(finding.ruleId)) return false
  if (finding.ruleId === 'reference/unknown') {
    const { refKind, reason } = finding.messageData ?? {}
    return refKind !== 'textPiping' && reason !== 'keyNameNotFound'
  }
  return true
}
