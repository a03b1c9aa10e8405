import type { FormJson } from '../types'
import { type LogicSite, logicSites, sameName } from './sites'

/**
 * The rules of a form that refer to a question: conditions reading it (`{name}`, `{name.x}`) and
 * triggers targeting it, excluding the question's own conditions on itself. What a designer
 * names before the question is deleted or renamed.
 *
 * @param form the form JSON
 * @param questionName the question's name (compared case-insensitively, as SurveyJS does)
 * @example
 * rulesReferring({ elements: [{ type: 'text', name: 'a' }, { type: 'text', name: 'b', visibleIf: '{a} empty' }] }, 'a')
 * // [{ element: 'b', property: 'visibleIf', path: 'elements[1].visibleIf', expression: '{a} empty', names: ['a'] }]
 */
export function rulesReferring(form: FormJson, questionName: string): LogicSite[] {
  if (!questionName) return []
  return logicSites(form).filter(
    (site) =>
      !sameName(site.element, questionName) && site.names.some((n) => sameName(n, questionName)),
  )
}
