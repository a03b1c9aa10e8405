import { createRoute, type z } from '@hono/zod-openapi'
import {
  CreateOrgSchema,
  MoveOrgSchema,
  OrgNodeSchema,
  OrgParamsSchema,
  UpdateOrgSchema,
} from '@yardstick/contract'
import { assertReaches } from '../auth/access'
import type { AuthEnv } from '../auth/middleware'
import type { AuthUser } from '../auth/sessions'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import {
  createOrg,
  moveOrg,
  type OrgEditOptions,
  type OrgRow,
  restoreOrg,
  retireOrg,
  updateOrg,
} from './org-edits'
import { orgJson } from './org-json'

const security = [{ bearer: [] }]
const tags = ['orgs']
const node = (description: string) => ({
  description,
  content: { 'application/json': { schema: OrgNodeSchema } },
})
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
})
const REFUSALS =
  'Refusals: 409 `treeRule` with `details.rule` (`wrongKind`, `parentRetired`, `cycle`, ' +
  '`topCommittee`, …: apps/server/src/orgs/tree-rules.ts), 409 `conflict` for a code already ' +
  'used under the same committee (`details.orgCode`, `details.holder`).'

const createOrgRoute = createRoute({
  method: 'post',
  path: '/orgs',
  operationId: 'createOrg',
  tags,
  summary: 'Create a unit under a parent · 新建组织',
  description: `Admins reaching the parent. A branch needs its \`unitType\`. ${REFUSALS}`,
  security,
  request: body(CreateOrgSchema),
  responses: { 201: node('Created'), ...errorResponses(400, 401, 403, 409) },
})

const updateOrgRoute = createRoute({
  method: 'patch',
  path: '/orgs/{id}',
  operationId: 'updateOrg',
  tags,
  summary: 'Rename a unit, change its branch type or code · 修改组织名称、支部类型或编码',
  description: `Admins reaching the unit. A \`code\` of null or blank clears it. ${REFUSALS}`,
  security,
  request: { params: OrgParamsSchema, ...body(UpdateOrgSchema) },
  responses: { 200: node('The unit as changed'), ...errorResponses(400, 401, 403, 404, 409) },
})

const moveOrgRoute = createRoute({
  method: 'post',
  path: '/orgs/{id}/move',
  operationId: 'moveOrg',
  tags,
  summary: 'Move a unit and its subtree to another parent · 调整组织隶属关系',
  description:
    'Admins reaching both the unit and the new parent. The subtree, its role grants and past ' +
    'results move with it; results of closed campaigns keep the tree as it was when they ' +
    `closed. ${REFUSALS}`,
  security,
  request: { params: OrgParamsSchema, ...body(MoveOrgSchema) },
  responses: { 200: node('The unit at its new place'), ...errorResponses(400, 401, 403, 404, 409) },
})

const retireOrgRoute = createRoute({
  method: 'post',
  path: '/orgs/{id}/retire',
  operationId: 'retireOrg',
  tags,
  summary: 'Retire a unit and its subtree · 撤销组织',
  description:
    'Admins reaching the unit. The unit and every active unit under it are retired at one ' +
    'instant: they keep their history, take no new units and are offered to no new campaign; ' +
    `campaigns that already hold them keep them. ${REFUSALS}`,
  security,
  request: { params: OrgParamsSchema },
  responses: { 200: node('The retired unit'), ...errorResponses(401, 403, 404, 409) },
})

const restoreOrgRoute = createRoute({
  method: 'post',
  path: '/orgs/{id}/restore',
  operationId: 'restoreOrg',
  tags,
  summary: 'Restore a retired unit · 恢复已撤销的组织',
  description:
    'Admins reaching the unit. Restores it and the units retired with it, when its parent is ' +
    `not retired. ${REFUSALS}`,
  security,
  request: { params: OrgParamsSchema },
  responses: { 200: node('The restored unit'), ...errorResponses(401, 403, 404, 409) },
})

/** Edits of the tree; mounted by `orgsRoutes` (which signs users in). Admins only. */
export function orgEditRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()

  router.openapi(createOrgRoute, async (c) => {
    const row = await createOrg(db, c.req.valid('json'), asAdmin(c.var.user))
    return c.json(orgJson({ ...row, reached: true }), 201)
  })

  router.openapi(updateOrgRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'organisation')
    const row = await updateOrg(db, id, c.req.valid('json'), asAdmin(c.var.user))
    return c.json(orgJson({ ...row, reached: true }), 200)
  })

  router.openapi(moveOrgRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'organisation')
    const row = await moveOrg(db, id, c.req.valid('json').parentId, asAdmin(c.var.user))
    return c.json(orgJson({ ...row, reached: true }), 200)
  })

  router.openapi(retireOrgRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'organisation')
    const row = await retireOrg(db, id, asAdmin(c.var.user))
    return c.json(orgJson({ ...row, reached: true }), 200)
  })

  router.openapi(restoreOrgRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'organisation')
    const row = await restoreOrg(db, id, asAdmin(c.var.user))
    return c.json(orgJson({ ...row, reached: true }), 200)
  })
  return router
}

/** The user as the actor of an edit that needs an admin role reaching the unit and parent. */
function asAdmin(user: AuthUser): OrgEditOptions {
  const check = (org: OrgRow | null, what: string) => {
    if (org) assertReaches(user, org.path, ['admin'], `${what} ${org.id}`)
  }
  return {
    actorId: user.id,
    authorise: (unit, parent) => {
      check(unit, 'organisation')
      check(parent, 'the parent organisation')
    },
  }
}
