import type { AuthEnv } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter } from '../http/openapi'

/** Routes of this module, mounted under `/api` (being written: see the server issue). */
export function resultsRoutes(_deps: AppDeps) {
  return createRouter<AuthEnv>()
}
