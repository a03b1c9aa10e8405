/**
 * Embed a Yardstick form in a React page: `YardstickSurvey`, `LinkSurvey`, co-filling.
 *
 * @module @yardstick/sdk/react
 */
// The React entry, `@yardstick/sdk/react`: embed a Yardstick form in a React page.
// survey-core's stylesheet is imported by YardstickSurvey.tsx, not here: package.json marks this
// barrel side-effect free, so bundlers drop a bare import in it (Vite did: no CSS was emitted).

export {
  CO_FILL_LAYOUT,
  type CoFill,
  type CoFillConnection,
  type CoFillConnectOptions,
  type CoFillOptions,
  type CoFillUser,
  connectCoFill,
  createCoFill,
} from './co-fill'
export type {
  CoFillAwareness,
  CoFillAwarenessChange,
  CoFillClose,
  CoFillDoc,
  CoFillMap,
  CoFillMapListener,
  CoFillProvider,
} from './co-fill-types'
export { type LinkDone, LinkSurvey, type YardstickLinkProps } from './LinkSurvey'
export { askReasons, REASON_TEXT } from './reason-comments'
export { sanitizeHtml } from './sanitize'
export { createSurveyModel, SanitizedModel, type SurveyModelOptions } from './sanitized-model'
export { showServerErrors } from './server-errors'
export {
  type YardstickFormProps,
  YardstickSurvey,
  type YardstickSurveyProps,
} from './YardstickSurvey'
