import { createRoute } from '@hono/zod-openapi'
import {
  CreatedUserSchema,
  CreateUserBodySchema,
  GrantInputSchema,
  ManagedUserSchema,
  TemporaryPasswordSchema,
  UpdateUserBodySchema,
  UserGrantParamsSchema,
  UserImportFileSchema,
  UserImportFormSchema,
  UserImportQuerySchema,
  UserImportReportSchema,
  UserListQuerySchema,
  UserListSchema,
  UserParamsSchema,
} from '@yardstick/contract'
import type { Context } from 'hono'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { tableFormat } from '../imports/read-table'
import { grantRole, revokeRole } from '../users/grants'
import { importPeople } from '../users/import-people'
import {
  createUserByAdmin,
  deactivateUser,
  reactivateUser,
  resetPassword,
  updateUser,
} from '../users/manage'
import { getManagedUser, listUsers } from '../users/queries'

const TAGS = ['users']
const SECURITY = [{ bearer: [] }]
const REACH =
  'Admins only. An admin manages the users holding a role inside their admin subtrees (a user ' +
  'with no role: a root committee’s admin) and sees only those roles.'
const WHOLE =
  ' It acts on the account, so the admin must reach every role the user holds (403 otherwise).'
const userResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ManagedUserSchema } },
})

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  operationId: 'listUsers',
  tags: TAGS,
  summary: 'Users you manage · 用户列表',
  description: REACH,
  security: SECURITY,
  request: { query: UserListQuerySchema },
  responses: {
    200: {
      description: 'A page of users',
      content: { 'application/json': { schema: UserListSchema } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  operationId: 'createUser',
  tags: TAGS,
  summary: 'Create a user with roles and a temporary password · 新建用户',
  description:
    `${REACH} Roles only on organisations inside your admin subtrees (admin included, never above). ` +
    'The temporary password is answered this once; the user changes it at first sign-in.',
  security: SECURITY,
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateUserBodySchema } } },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: CreatedUserSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const getUserRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  operationId: 'getUser',
  tags: TAGS,
  summary: 'One user you manage · 用户详情',
  description: REACH,
  security: SECURITY,
  request: { params: UserParamsSchema },
  responses: { 200: userResponse('The user'), ...errorResponses(401, 403, 404) },
})

const updateUserRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  operationId: 'updateUser',
  tags: TAGS,
  summary: 'Change a user’s name or e-mail · 修改用户信息',
  description: REACH + WHOLE,
  security: SECURITY,
  request: {
    params: UserParamsSchema,
    body: { required: true, content: { 'application/json': { schema: UpdateUserBodySchema } } },
  },
  responses: { 200: userResponse('The user, changed'), ...errorResponses(400, 401, 403, 404, 409) },
})

const deactivateRoute = createRoute({
  method: 'post',
  path: '/users/{id}/deactivate',
  operationId: 'deactivateUser',
  tags: TAGS,
  summary: 'Deactivate a user: sessions end, co-editing closes · 停用用户',
  description:
    `${REACH + WHOLE} The user can no longer sign in; every session ends and their live ` +
    'co-editing sockets close at once. Not yourself; 409 when already deactivated.',
  security: SECURITY,
  request: { params: UserParamsSchema },
  responses: { 200: userResponse('The user, deactivated'), ...errorResponses(401, 403, 404, 409) },
})

const reactivateRoute = createRoute({
  method: 'post',
  path: '/users/{id}/reactivate',
  operationId: 'reactivateUser',
  tags: TAGS,
  summary: 'Reactivate a user · 恢复用户',
  description: `${REACH + WHOLE} 409 when the user is active.`,
  security: SECURITY,
  request: { params: UserParamsSchema },
  responses: { 200: userResponse('The user, active'), ...errorResponses(401, 403, 404, 409) },
})

const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/users/{id}/reset-password',
  operationId: 'resetPassword',
  tags: TAGS,
  summary: 'Reset a user’s password to a temporary one · 重置密码',
  description:
    `${REACH + WHOLE} The temporary password is answered this once; the user must change it at ` +
    'the next sign-in. Every session of the user ends. Not your own (POST /auth/password).',
  security: SECURITY,
  request: { params: UserParamsSchema },
  responses: {
    200: {
      description: 'The temporary password',
      content: { 'application/json': { schema: TemporaryPasswordSchema } },
    },
    ...errorResponses(401, 403, 404, 409),
  },
})

const grantRoute = createRoute({
  method: 'post',
  path: '/users/{id}/grants',
  operationId: 'grantRole',
  tags: TAGS,
  summary: 'Grant a role on an organisation · 授予角色',
  description:
    `${REACH} The organisation must lie inside your admin subtrees: you may grant any role there, ` +
    'admin included, but never on an organisation above or beside them. 409 when already held ' +
    'or the organisation is retired.',
  security: SECURITY,
  request: {
    params: UserParamsSchema,
    body: { required: true, content: { 'application/json': { schema: GrantInputSchema } } },
  },
  responses: {
    201: userResponse('The user with the role'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
})

const revokeRoute = createRoute({
  method: 'delete',
  path: '/users/{id}/grants/{grantId}',
  operationId: 'revokeRole',
  tags: TAGS,
  summary: 'Revoke a role · 撤销角色',
  description:
    `${REACH} Only a grant held inside your admin subtrees. Revoking your own last admin role is ` +
    'refused (409).',
  security: SECURITY,
  request: { params: UserGrantParamsSchema },
  responses: {
    200: userResponse('The user without the role'),
    ...errorResponses(401, 403, 404, 409),
  },
})

const importRoute = createRoute({
  method: 'post',
  path: '/users/import',
  operationId: 'importUsers',
  tags: TAGS,
  summary: 'Import people and their roles from CSV or XLSX · 导入人员',
  description:
    'Columns 姓名/name, 邮箱/email, 单位编码/unit code or 单位/unit (a name path or a unique name), ' +
    '角色/role (书记, 考评员, 编辑, 审核, 管理员 or the role keys). One row is one user and one role; ' +
    'another row for the same e-mail adds a role. A dry run (the default) reports every row; ' +
    '`dryRun=false` applies in one transaction when no row is refused and answers each new ' +
    'user’s temporary password once. Existing users get roles added, never a new password. ' +
    'Roles only inside your admin subtrees.',
  security: SECURITY,
  request: {
    query: UserImportQuerySchema,
    body: {
      // Not `required`: zod-openapi would then parse every body as a form, CSV bytes included.
      description: 'The file: its bytes, or a `multipart/form-data` field `file`',
      content: {
        'text/csv': { schema: UserImportFileSchema },
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
          schema: UserImportFileSchema,
        },
        'multipart/form-data': { schema: UserImportFormSchema },
      },
    },
  },
  responses: {
    200: {
      description: 'The report (and, once applied, the new users’ temporary passwords)',
      content: { 'application/json': { schema: UserImportReportSchema } },
    },
    ...errorResponses(400, 401, 403, 409, 413),
  },
})

/** The uploaded file's bytes and format: raw bytes, or a multipart `file` field. */
async function uploadedTable(c: Context) {
  const type = c.req.header('content-type') ?? ''
  let bytes: Uint8Array
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const { file } = await c.req.parseBody()
    if (!(file instanceof Blob)) {
      throw new AppError('invalidBody', 'The form has no file: send it in the field `file`', {
        issues: [{ path: 'file', code: 'custom', message: 'No file field' }],
      })
    }
    bytes = new Uint8Array(await file.arrayBuffer())
    // Browsers type a .csv as application/vnd.ms-excel on Windows: the bytes tell best.
    return { bytes, format: tableFormat(undefined, bytes) }
  }
  bytes = new Uint8Array(await c.req.arrayBuffer())
  return { bytes, format: tableFormat(type, bytes) }
}

/**
 * The users API (admins): list, create, edit, deactivate and reactivate users, reset passwords,
 * grant and revoke roles, import people from a spreadsheet.
 */
export function usersRoutes({ database: { db }, sockets }: AppDeps) {
  const router = createRouter<AuthEnv>()
  router.use('/users', requireUser(db))
  router.use('/users/*', requireUser(db))

  router.openapi(listRoute, async (c) => {
    const { active, ...query } = c.req.valid('query')
    const filters = { ...query, ...(active ? { active: active === 'true' } : {}) }
    return c.json(await listUsers(db, c.var.user, filters), 200)
  })

  router.openapi(createUserRoute, async (c) => {
    const body = c.req.valid('json')
    return c.json(await createUserByAdmin(db, c.var.user, body), 201)
  })

  // Before `/users/{id}` routes, so that `import` is never read as an id.
  router.openapi(importRoute, async (c) => {
    const { dryRun } = c.req.valid('query')
    const { bytes, format } = await uploadedTable(c)
    return c.json(
      await importPeople(db, c.var.user, { bytes, format, dryRun: dryRun !== 'false' }),
      200,
    )
  })

  router.openapi(getUserRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await getManagedUser(db, c.var.user, id), 200)
  })

  router.openapi(updateUserRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await updateUser(db, c.var.user, id, c.req.valid('json')), 200)
  })

  router.openapi(deactivateRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await deactivateUser(db, c.var.user, id, { sockets }), 200)
  })

  router.openapi(reactivateRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await reactivateUser(db, c.var.user, id), 200)
  })

  router.openapi(resetPasswordRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await resetPassword(db, c.var.user, id, { sockets }), 200)
  })

  router.openapi(grantRoute, async (c) => {
    const id = idParam(c.req.valid('param').id, 'user')
    return c.json(await grantRole(db, c.var.user, id, c.req.valid('json')), 201)
  })

  router.openapi(revokeRoute, async (c) => {
    const params = c.req.valid('param')
    const id = idParam(params.id, 'user')
    const grantId = idParam(params.grantId, 'grant')
    return c.json(await revokeRole(db, c.var.user, id, grantId), 200)
  })
  return router
}
