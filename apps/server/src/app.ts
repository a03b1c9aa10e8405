import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { OpenAPIHono } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import type { AuthEnv } from './auth/middleware'
import type { AppDeps } from './deps'
import { limitBody } from './http/body-limit'
import { refuseCrossSiteWrites } from './http/cross-site-writes'
import { docsRoutes, serveApiDocument } from './http/docs'
import { serveEmbed } from './http/embed-assets'
import { AppError, errorBody, handleError } from './http/errors'
import { homeRoutes, type ListedAccount } from './http/home'
import { inputGuard } from './http/input-guard'
import { serveRespondentPage } from './http/respondent-page'
import { securityHeaders } from './http/security-headers'
import { aggregatesRoutes } from './routes/aggregates'
import { assessmentsRoutes } from './routes/assessments'
import { auditRoutes } from './routes/audit'
import { authRoutes } from './routes/auth'
import { blocksRoutes } from './routes/blocks'
import { campaignsRoutes } from './routes/campaigns'
import { exportsRoutes } from './routes/exports'
import { followUpRoutes } from './routes/follow-ups'
import { formImportRoutes } from './routes/form-import'
import { formsRoutes } from './routes/forms'
import { linksRoutes } from './routes/links'
import { orgImportRoutes } from './routes/org-import'
import { orgsRoutes } from './routes/orgs'
import { participationRoutes } from './routes/participation'
import { reportRoutes } from './routes/report'
import { resultsRoutes } from './routes/results'
import { reviewsRoutes } from './routes/reviews'
import { selfChecksRoutes } from './routes/self-checks'
import { usersRoutes } from './routes/users'

// Spreadsheet uploads: larger than any JSON body (IMPORT_BODY_LIMIT).
const IMPORT_PATHS = new Set(['/api/orgs/import', '/api/users/import'])

/**
 * The whole HTTP application: the API under `/api` (described at `/api/openapi.json`, browsable
 * at `/api/docs`) and, from `extraRoutes`, whatever else the process serves on the same port.
 *
 * @example
 * const app = createApp({ database, config })
 * await app.request('/api/health')
 */
export function createApp(deps: AppDeps): OpenAPIHono<AuthEnv> {
  const { database, config } = deps
  const app = new OpenAPIHono<AuthEnv>()
  app.onError(handleError)
  app.notFound((c) => c.json(errorBody('notFound', `No route ${c.req.method} ${c.req.path}`), 404))
  app.use('*', securityHeaders())
  app.use('/api/*', refuseCrossSiteWrites())

  const tooLarge = (limit: number) => () => {
    throw new AppError('payloadTooLarge', `The request body is larger than ${limit} bytes`, {
      limit,
    })
  }
  const generalLimit = limitBody(config.BODY_LIMIT, tooLarge(config.BODY_LIMIT))
  const importLimit = limitBody(config.IMPORT_BODY_LIMIT, tooLarge(config.IMPORT_BODY_LIMIT))
  app.use('/api/*', (c, next) =>
    IMPORT_PATHS.has(c.req.path) ? importLimit(c, next) : generalLimit(c, next),
  )
  app.use('/api/*', inputGuard())

  // The replica's state rides along (only when configured) but never fails health: the primary
  // serves whatever the replica cannot.
  app.get('/api/health', async (c) => {
    const replica = await deps.readDatabase?.replicaState()
    return c.json({ ok: true, db: database.kind, ...(replica ? { replica } : {}) })
  })
  // Readiness for a load balancer: this process answers AND its database does (health only says
  // the process is up). 503 takes it out of rotation until the database is back.
  app.get('/api/ready', async (c) => {
    try {
      await database.db.execute(sql`select 1`)
      return c.json({ ready: true, db: database.kind })
    } catch {
      return c.json({ ready: false, db: database.kind }, 503)
    }
  })
  app.route('/api', authRoutes(database.db, config, deps))
  // Before the orgs routes, whose GET /orgs/{id} would read `export.csv` as an id.
  app.route('/api', orgImportRoutes(deps))
  app.route('/api', orgsRoutes(deps))
  app.route('/api', formsRoutes(deps))
  app.route('/api', formImportRoutes(deps))
  app.route('/api', reviewsRoutes(deps))
  app.route('/api', blocksRoutes(deps))
  app.route('/api', campaignsRoutes(deps))
  app.route('/api', linksRoutes(deps))
  app.route('/api', selfChecksRoutes(deps))
  app.route('/api', resultsRoutes(deps))
  app.route('/api', aggregatesRoutes(deps))
  app.route('/api', followUpRoutes(deps))
  app.route('/api', exportsRoutes(deps))
  app.route('/api', reportRoutes(deps))
  app.route('/api', participationRoutes(deps))
  app.route('/api', assessmentsRoutes(deps))
  app.route('/api', usersRoutes(deps))
  app.route('/api', auditRoutes(deps))

  serveApiDocument(app)
  app.route('/api', docsRoutes())
  // Before the designer, whose catch-all GET would answer /embed.js with its index.html.
  serveEmbed(app)
  // The respondent's page: /s/:slug is never the designer's sign-in.
  serveRespondentPage(app)
  serveDesigner(app, deps.demoAccounts ?? [])
  app.route('/', homeRoutes(deps.demoAccounts ?? []))
  return app
}

/**
 * The designer's production build (`pnpm --filter @yardstick/designer build`); `DESIGNER_DIST`
 * points elsewhere (the designer's benchmark serves its own build, which no test rebuilds
 * under it).
 */
const DESIGNER_DIST =
  process.env.DESIGNER_DIST ?? fileURLToPath(new URL('../../designer/dist', import.meta.url))
const DEMO_ACCOUNTS_SLOT = '<!--yardstick:demo-accounts-->'

/**
 * Serves the designer at `/` when its build exists (checked per request, so a build made while
 * the server runs is picked up): hashed `/assets/*` cached for good, and every other GET outside
 * `/api` and `/collab` answered with `index.html` (the SPA's routes), into which the demo
 * accounts are written for the sign-in page (never their passwords). Without a build, the
 * plain home page stays at `/`.
 */
function serveDesigner(app: OpenAPIHono<AuthEnv>, accounts: readonly ListedAccount[]) {
  const index = join(DESIGNER_DIST, 'index.html')
  const assets = serveStatic({
    root: DESIGNER_DIST,
    onFound: (_path, c) => {
      c.header('Cache-Control', 'public, max-age=31536000, immutable')
    },
  })
  app.use('/assets/*', (c, next) => (existsSync(index) ? assets(c, next) : next()))
  app.get('*', async (c, next) => {
    const path = c.req.path
    const ours = path === '/api' || path.startsWith('/api/') || path.startsWith('/collab')
    if (ours || !existsSync(index)) return next()
    const listed = accounts.map(({ role, email, name, scope }) => ({ role, email, name, scope }))
    const script = `<script type="application/json" id="yardstick-demo-accounts">${JSON.stringify(listed).replace(/</g, '\\u003c')}</script>`
    c.header('Cache-Control', 'no-cache')
    return c.html(readFileSync(index, 'utf8').replace(DEMO_ACCOUNTS_SLOT, script))
  })
}
