// Runs in a validation worker thread (validation-pool.ts): survey-core and the SDK load once per
// thread, and a check that runs past its limit is stopped by terminating the thread.
import { type FormValidation, validateForm } from '@yardstick/sdk'

/** One task: `validateForm` of a form JSON (zh-CN messages, as the server reports them). */
export default function validate(json: unknown): FormValidation {
  return validateForm(json)
}
