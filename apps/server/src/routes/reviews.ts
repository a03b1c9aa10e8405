import { createRoute } from '@hono/zod-openapi'
import {
  CommentListQuerySchema,
  CommentParamsSchema,
  FormIdParamsSchema,
  NewThreadBodySchema,
  ReplyBodySchema,
  ThreadListSchema,
  ThreadSchema,
} from '@yardstick/contract'
import type { MiddlewareHandler } from 'hono'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { assertNotArchived, formFor } from '../forms/access'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { commentsTag, listThreads, openThread, replyTo, setResolved } from '../reviews/threads'

const ACCESS =
  'Everyone who reads the form comments on it — reviewers, editors, admins — exactly as reading ' +
  'the form: a form outside your reach is 403, an unknown one 404. An archived form takes no new ' +
  'comments, replies or resolutions (409).'

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})
const common = { tags: ['reviews'], security: [{ bearer: [] }] }

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/comments',
  operationId: 'listReviewThreads',
  summary: 'Review threads on a form, newest first · 评审意见',
  description:
    `${ACCESS} The response carries an ETag that changes whenever any thread of the form ` +
    'changes; send it back as If-None-Match to poll cheaply (304 while nothing changed).',
  request: { params: FormIdParamsSchema, query: CommentListQuerySchema },
  responses: {
    200: json(ThreadListSchema, 'One page of threads, each with all its replies'),
    304: { description: 'Nothing changed since the ETag you sent' },
    ...errorResponses(400, 401, 403, 404),
  },
})

const openRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms/{id}/comments',
  operationId: 'openReviewThread',
  summary: 'Comment on an element (opens a thread) · 发表评审意见',
  description: `${ACCESS} The thread is anchored to the element’s id in the form document, so it follows moves.`,
  request: { params: FormIdParamsSchema, ...body(NewThreadBodySchema) },
  responses: {
    201: json(ThreadSchema, 'The new thread'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const replyRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms/{id}/comments/{commentId}/replies',
  operationId: 'replyToReviewThread',
  summary: 'Reply in a thread · 回复',
  description: `${ACCESS} commentId is the thread (its first comment); a reply’s id is 400.`,
  request: { params: CommentParamsSchema, ...body(ReplyBodySchema) },
  responses: {
    201: json(ThreadSchema, 'The thread with the reply'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const resolutionRoute = (resolve: boolean) =>
  createRoute({
    ...common,
    method: 'post',
    path: `/forms/{id}/comments/{commentId}/${resolve ? 'resolve' : 'reopen'}`,
    operationId: resolve ? 'resolveReviewThread' : 'reopenReviewThread',
    summary: resolve ? 'Resolve a thread · 标记已解决' : 'Reopen a thread · 重新打开',
    description: `${ACCESS} Idempotent.`,
    request: { params: CommentParamsSchema },
    responses: {
      200: json(ThreadSchema, 'The thread'),
      ...errorResponses(400, 401, 403, 404, 409),
    },
  })

/** Review comments: threads on a form's elements, replies, resolve and reopen. */
export function reviewsRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  // Mounted beside the forms routes, whose `/forms/*` guard has usually signed the user in
  // already: look the session up once per request (polling makes this the hot path).
  const auth = requireUser(db)
  const signedIn: MiddlewareHandler<AuthEnv> = (c, next) => (c.var.user ? next() : auth(c, next))
  router.use('/forms/:id/comments', signedIn)
  router.use('/forms/:id/comments/*', signedIn)

  const readable = (user: AuthEnv['Variables']['user'], id: string) =>
    formFor(db, user, idParam(id, 'form'), 'read')
  const writable = async (user: AuthEnv['Variables']['user'], id: string) => {
    const form = await readable(user, id)
    assertNotArchived(form, 'comment on it')
    return form
  }

  router.openapi(listRoute, async (c) => {
    const form = await readable(c.var.user, c.req.valid('param').id)
    const query = c.req.valid('query')
    const tag = `W/"${await commentsTag(db, form.id)}:${new URLSearchParams(c.req.query()).toString()}"`
    c.header('ETag', tag)
    c.header('Cache-Control', 'no-cache')
    if (c.req.header('If-None-Match') === tag) return c.body(null, 304)
    return c.json(await listThreads(db, form.id, query), 200)
  })

  router.openapi(openRoute, async (c) => {
    const form = await writable(c.var.user, c.req.valid('param').id)
    return c.json(await openThread(db, form.id, c.var.user.id, c.req.valid('json')), 201)
  })

  router.openapi(replyRoute, async (c) => {
    const params = c.req.valid('param')
    const form = await writable(c.var.user, params.id)
    const thread = idParam(params.commentId, 'comment')
    const reply = { authorId: c.var.user.id, body: c.req.valid('json').body }
    return c.json(await replyTo(db, form.id, thread, reply), 201)
  })

  for (const resolve of [true, false]) {
    router.openapi(resolutionRoute(resolve), async (c) => {
      const params = c.req.valid('param')
      const form = await writable(c.var.user, params.id)
      const thread = idParam(params.commentId, 'comment')
      return c.json(await setResolved(db, form.id, thread, resolve ? c.var.user.id : null), 200)
    })
  }
  return router
}
