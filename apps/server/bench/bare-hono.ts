// The submission benchmark's baselines: a bare Hono JSON POST handler on @hono/node-server, in its
// own process, answering what the real route answers minus validation, scoring and storage.
// `BARE_BODY_LIMIT=1` puts Hono's `bodyLimit` middleware in front, as the real app does on `/api/*`.
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'

const app = new Hono()
if (process.env.BARE_BODY_LIMIT === '1') app.use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }))
let id = 0
app.post('/api/links/:slug/responses', async (c) => {
  const body = await c.req.json<{ answers: Record<string, unknown> }>()
  const answered = Object.keys(body.answers).length
  return c.json({ id: ++id, score: { score: answered, maxScore: answered } }, 201)
})

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`running at http://127.0.0.1:${info.port}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
