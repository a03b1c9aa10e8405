import type { LinkError, ScoreResult } from '@yardstick/sdk'

/** The DOM events `<yardstick-survey>` dispatches (they bubble and cross the shadow root). */
export const EMBED_EVENTS = {
  ready: 'yardstick:ready',
  submitted: 'yardstick:submitted',
  error: 'yardstick:error',
} as const
export type EmbedEventName = (typeof EMBED_EVENTS)[keyof typeof EMBED_EVENTS]

/** `yardstick:ready`: the form is shown. */
export interface ReadyDetail {
  campaign: { id: number; name: string }
  unit: { id: number; name: string }
  /** The source's key: `members`, `superior` or the campaign's own. */
  source: string
}

/** `yardstick:submitted`: the server stored the response (`replayed` for a retry it had stored). */
export interface SubmittedDetail {
  id: number
  replayed: boolean
  /** Only where the campaign shows respondents their score. */
  score?: ScoreResult
}

/**
 * `yardstick:error`: a refusal (`tokenUsed`, `invalidAnswers`, `campaignNotOpen`,
 * `originNotAllowed`, …, the server's codes), `network`, or `badAttributes`.
 */
export type ErrorDetail = LinkError
