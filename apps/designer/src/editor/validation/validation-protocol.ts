import type { FormValidation, Locale } from '@yardstick/sdk'

/**
 * What the editor tells the validation worker: the document's state once, then every update of
 * it as it happens (a few bytes per keystroke, where posting the form's JSON would cost the page
 * a structured clone of 500 questions).
 */
export type ValidationMessage =
  | { type: 'start'; state: Uint8Array; locale: Locale }
  | { type: 'update'; update: Uint8Array }

/** The worker's answer: the form's validation, or why it could not be made. */
export type ValidationAnswer = { validation: FormValidation } | { error: string }

/** How long the edits must pause before the form is validated again. */
export const VALIDATION_SETTLE_MS = 250
