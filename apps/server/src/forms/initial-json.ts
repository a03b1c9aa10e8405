import {
  FORM_KINDS,
  type FormJson,
  type FormKind,
  localizedText,
  type TemplateId,
  templates,
} from '@yardstick/sdk'
import { AppError } from '../http/errors'
import { assertFormWithinLimits } from './form-limits'

/** What a new form starts from: a template key, a whole JSON, or neither (blank). */
export interface FormStart {
  title: string
  template?: string | undefined
  json?: Record<string, unknown> | undefined
}

/**
 * The JSON a new form is stored with: a copy of the named SDK template, the given JSON, or a
 * blank generic form, each with `title` set to the form's title (one title, shown in lists and
 * in the survey alike). A given JSON over `FORM_LIMITS` is refused (422 `formTooDeep` /
 * `formTooLarge`).
 *
 * @example
 * initialJson({ title: '2025 年度自查', template: 'selfCheck' }).kind // 'selfCheck'
 */
export function initialJson({ title, template, json }: FormStart): FormJson {
  if (template !== undefined && json !== undefined) {
    throw new AppError('badRequest', 'Give either template or json, not both')
  }
  if (template !== undefined) {
    if (!isTemplateId(template)) {
      const valid = Object.keys(templates)
      throw new AppError(
        'badRequest',
        `Unknown template "${template}": use one of ${valid.join(', ')}`,
        { templates: valid },
      )
    }
    return { ...structuredClone(templates[template]), title }
  }
  if (json !== undefined) {
    assertFormWithinLimits(json)
    return { ...json, title }
  }
  return { title, kind: 'generic', pages: [{ name: 'page1', elements: [] }] }
}

/** The form kind a JSON declares; anything else (or nothing) is `generic`. */
export function kindOf(json: FormJson): FormKind {
  return FORM_KINDS.find((kind) => kind === json.kind) ?? 'generic'
}

function isTemplateId(key: string): key is TemplateId {
  return Object.hasOwn(templates, key)
}

/**
 * A saved JSON with the form's title kept in step: a given `title` wins and is written into the
 * JSON; otherwise the JSON's own title (its default text) becomes the form's title, and a JSON
 * without one gets the current title. A JSON over `FORM_LIMITS` is refused (422 `formTooDeep` /
 * `formTooLarge`): saves and publish-with-JSON come through here.
 *
 * @example
 * savedJson({ title: { default: '新表', en: 'New' } }, undefined, '旧表').title // '新表'
 */
export function savedJson(json: FormJson, title: string | undefined, currentTitle: string) {
  assertFormWithinLimits(json)
  if (title !== undefined) return { json: { ...json, title }, title, kind: kindOf(json) }
  const own = localizedText(json.title, undefined, '').trim()
  if (own) return { json, title: own, kind: kindOf(json) }
  return { json: { ...json, title: currentTitle }, title: currentTitle, kind: kindOf(json) }
}
