/**
 * The respondent link client alone, with no survey-core and no React.
 *
 * @module @yardstick/sdk/link
 */
// `@yardstick/sdk/link`: the respondent link client alone, with no survey-core and no React, for
// a page that must load little before it knows what to show (the respondent page `/s/:slug`
// loads the renderer only once there is a form to answer). The root entry exports the same.

export { type Locale, localizedText } from '../text'
export {
  createLinkClient,
  type LinkClient,
  type LinkClientOptions,
  type SendOptions,
} from './client'
export { formatTime, LINK_TEXT, linkErrorText } from './messages'
export { newIdempotencyKey } from './pending'
export { isWellFormedToken, normalizeToken, TOKEN_FORMAT } from './token'
export type {
  LinkAnswerError,
  LinkError,
  LinkResult,
  LinkSubmitted,
  LinkTimeLimit,
  LinkView,
  LinkWaitReason,
  PendingResponse,
  PendingStorage,
} from './types'
