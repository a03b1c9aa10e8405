import { FORM_KINDS, type FormKind, type TemplateId, templates } from '@yardstick/sdk'
import type { MessageKey } from '../i18n/zh-CN'

/** The i18n key naming a form kind. */
export function kindKey(kind: string): MessageKey {
  const known = FORM_KINDS.find((k) => k === kind) ?? 'generic'
  return `kind.${known}` satisfies MessageKey
}

/** The SDK's templates, in the order the "new form" menu lists them. */
export const TEMPLATE_IDS = Object.keys(templates) as TemplateId[]

export type { FormKind }
