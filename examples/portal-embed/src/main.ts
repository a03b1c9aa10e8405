// `pnpm --filter @yardstick/example-portal-embed start`: serves the portal on :8080 and, when
// `pnpm start` runs with its demo data, prints a page address with a fresh one-time token.
import { demoSurveyAddress } from './demo-link'
import { servePortal } from './serve'

const portal = await servePortal({ port: Number(process.env.PORT ?? 8080) })
console.log(`Portal running at ${portal.url}`)
const server = process.env.YARDSTICK_SERVER ?? 'http://127.0.0.1:3000'
const address = await demoSurveyAddress(portal.url, server)
console.log(
  address.ok
    ? `Open ${address.url}`
    : `No survey address: ${address.why}. Open ${portal.url}/?server=${server}&link=<slug>&token=<token>`,
)
