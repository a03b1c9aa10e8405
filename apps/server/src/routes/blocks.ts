import { createRoute } from '@hono/zod-openapi'
import {
  BlockListQuerySchema,
  BlockListSchema,
  BlockParamsSchema,
  BlockSchema,
  NewBlockBodySchema,
} from '@yardstick/contract'
import { type AuthEnv, requireUser } from '../auth/middleware'
import { deleteBlock, listBlocks, saveBlock } from '../blocks/blocks'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'

const ACCESS =
  'Editors and admins reaching the office see, save and delete its blocks, as they reach its ' +
  'forms; anyone else is 403. An unknown block is 404.'

const json = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const common = { tags: ['blocks'], security: [{ bearer: [] }] }

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/blocks',
  operationId: 'listBlocks',
  summary: 'The blocks of the offices you reach, newest first · 常用题块',
  description: ACCESS,
  request: { query: BlockListQuerySchema },
  responses: { 200: json(BlockListSchema, 'The blocks'), ...errorResponses(400, 401, 403) },
})

const saveRoute = createRoute({
  ...common,
  method: 'post',
  path: '/blocks',
  operationId: 'saveBlock',
  summary: 'Save a question or panel as a block · 保存为题块',
  description:
    `${ACCESS} The elements are checked as a form of their own with the SDK: 422 invalidForm ` +
    'with details.errors when they are not valid, and nothing is stored.',
  request: {
    body: { required: true, content: { 'application/json': { schema: NewBlockBodySchema } } },
  },
  responses: {
    201: json(BlockSchema, 'The saved block'),
    ...errorResponses(400, 401, 403, 422, 503),
  },
})

const deleteRoute = createRoute({
  ...common,
  method: 'delete',
  path: '/blocks/{id}',
  operationId: 'deleteBlock',
  summary: 'Delete a block (forms it was inserted in keep their copy) · 删除题块',
  description: ACCESS,
  request: { params: BlockParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
})

/** An office's reusable blocks: list, save, delete. */
export function blocksRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/blocks', requireUser(db))
  router.use('/blocks/*', requireUser(db))

  router.openapi(listRoute, async (c) =>
    c.json({ items: await listBlocks(db, c.var.user, c.req.valid('query').orgId) }, 200),
  )

  router.openapi(saveRoute, async (c) =>
    c.json(await saveBlock(db, c.var.user, c.req.valid('json')), 201),
  )

  router.openapi(deleteRoute, async (c) => {
    await deleteBlock(db, c.var.user, idParam(c.req.valid('param').id, 'block'))
    return c.body(null, 204)
  })

  return router
}
