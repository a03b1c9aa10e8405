/**
 * `<yardstick-survey>`: a Yardstick survey inside any portal page, in a shadow root.
 *
 * @module @yardstick/embed
 */
// @yardstick/embed, the ES module (`/embed.js`): defines <yardstick-survey>; the renderer
// (React, survey-core, survey-react-ui) is a separate chunk loaded once the portal has loaded.
import { defineYardstickSurvey } from './element'

defineYardstickSurvey(() => import('./renderer'))

export type { SurveyAttributes } from './attributes'
export { defineYardstickSurvey, type LoadRenderer, TAG } from './element'
export {
  EMBED_EVENTS,
  type EmbedEventName,
  type ErrorDetail,
  type ReadyDetail,
  type SubmittedDetail,
} from './events'
