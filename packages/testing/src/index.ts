/**
 * @yardstick/testing — what the tests of several packages share: the one rule for a missing
 * service (availableOrSkip), Chromium, the server in a process of its own, the demo data over the
 * API, browser pages, and the UI builds (scripts/build-ui.mjs). Tests import it instead of
 * another package's test folder.
 */
export { buildUi } from '../../../scripts/build-ui.mjs'
export { type AvailableOrSkipOptions, availableOrSkip } from './available'
export { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from './chromium'
export {
  api,
  apiToken,
  campaignIdByName,
  DEMO_CAMPAIGN,
  PASSWORD,
  startTestServer,
  stopRun,
  type TestServer,
} from './demo-server'
export {
  buildEmbed,
  type EmbedCampaign,
  type EmbedCampaignOptions,
  embedCampaign,
} from './embed-campaign'
export {
  collectProblems,
  decodeQr,
  type OpenedPage,
  SCREENSHOTS,
  type SignedInOptions,
  signedInPage,
} from './pages'
export {
  type DemoServer,
  kill9,
  type ServerProcess,
  type ServerProcessOptions,
  signInAndCreateForm,
  startDemoServer,
  startServerProcess,
  type WaitForUrlOptions,
  waitForUrl,
} from './server-process'
export { type NodeWebSocketClass, signedInWebSocket } from './signed-in-socket'
