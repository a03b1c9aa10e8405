import { createRoute } from '@hono/zod-openapi'
import {
  OrgNodeSchema,
  OrgParamsSchema,
  OrgTreeSchema,
  UnitTypeListSchema,
} from '@yardstick/contract'
import { schema } from '@yardstick/db'
import { asc, eq } from 'drizzle-orm'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { orgEditRoutes } from '../orgs/edit-routes'
import { orgJson } from '../orgs/org-json'
import { unitTypeList } from '../orgs/unit-types'
import { buildTree, ORG_COLUMNS, visibility, visibleOrgs } from '../orgs/visible-orgs'

const treeRoute = createRoute({
  method: 'get',
  path: '/orgs',
  operationId: 'getOrgTree',
  tags: ['orgs'],
  summary: 'The organisation tree you reach · 我可见的组织树',
  description:
    'Admins, editors, reviewers and assessors get the subtrees of their grants; a secretary gets ' +
    'their branch and, by name, its ancestors. Several separate subtrees give several roots.',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'The roots of the visible tree, each with nested `children`',
      content: { 'application/json': { schema: OrgTreeSchema } },
    },
    ...errorResponses(401),
  },
})

const unitTypesRoute = createRoute({
  method: 'get',
  path: '/orgs/unit-types',
  operationId: 'listUnitTypes',
  tags: ['orgs'],
  summary: 'Branch types and their labels · 支部类型',
  security: [{ bearer: [] }],
  responses: {
    200: {
      description: 'Every branch type, zh-CN and English labels',
      content: {
        'application/json': {
          schema: UnitTypeListSchema,
        },
      },
    },
    ...errorResponses(401),
  },
})

const nodeRoute = createRoute({
  method: 'get',
  path: '/orgs/{id}',
  operationId: 'getOrg',
  tags: ['orgs'],
  summary: 'One organisation with its direct children · 单个组织及其下级',
  description:
    'Only organisations in your visible tree (see GET /orgs): others are 403, unknown ids 404. ' +
    'Children are the visible direct children, without their own children.',
  security: [{ bearer: [] }],
  request: { params: OrgParamsSchema },
  responses: {
    200: {
      description: 'The organisation',
      content: { 'application/json': { schema: OrgNodeSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
})

/**
 * `GET /api/orgs`, `GET /api/orgs/unit-types`, `GET /api/orgs/:id`, and the edits of the tree
 * (`orgs/edit-routes.ts`).
 */
export function orgsRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/orgs/*', requireUser(db))

  router.openapi(treeRoute, async (c) => {
    const nodes = await visibleOrgs(db, c.var.user)
    return c.json({ items: buildTree(nodes).map(orgJson) }, 200)
  })

  // Registered before `/orgs/{id}` so that `unit-types` is not read as an id.
  router.openapi(unitTypesRoute, (c) => c.json({ items: unitTypeList() }, 200))

  router.openapi(nodeRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'organisation')
    const { user } = c.var
    const [node] = await db.select(ORG_COLUMNS).from(schema.orgs).where(eq(schema.orgs.id, id))
    if (!node) throw new AppError('notFound', `No organisation ${id}`)
    const seen = visibility(user, node.path)
    if (!seen) throw new AppError('forbidden', `Your roles do not reach organisation ${id}`)
    const children = await db
      .select(ORG_COLUMNS)
      .from(schema.orgs)
      .where(eq(schema.orgs.parentId, id))
      .orderBy(asc(schema.orgs.id))
    const visible = children.flatMap((child) => {
      const how = visibility(user, child.path)
      return how ? [{ ...child, reached: how === 'reached' }] : []
    })
    return c.json(orgJson({ ...node, reached: seen === 'reached', children: visible }), 200)
  })

  router.route('/', orgEditRoutes(deps))
  return router
}
