import type { FormValidation, Locale } from '@yardstick/sdk'

/**
 * What the editor tells the validation worker: the document's state once, then, when this editor
 * pauses, the document's updates since the last time (merged: a few bytes per keystroke, where
 * posting the form's JSON would cost the page a structured clone of 500 questions) and the
 * request to validate.
 */
export type ValidationMessage =
  | { type: 'start'; state: Uint8Array }
  | { type: 'validate'; update: Uint8Array | null; locale: Locale }

/** The worker's answer: the form's validation, or why it could not be made. */
export type ValidationAnswer = { validation: FormValidation } | { error: string }
