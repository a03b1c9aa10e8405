import { createRoute, z } from '@hono/zod-openapi'
import type { AuthEnv } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { formFor } from './access'
import { diffForms } from './diff'
import { PageQuerySchema } from './pagination'
import { publishForm } from './publish'
import {
  DiffSchema,
  PublishBody,
  PublishedSchema,
  VersionListSchema,
  VersionSchema,
} from './schemas'
import { getVersion, jsonAt, listVersions } from './versions'

const ACCESS =
  'Editors and admins reaching the form’s organisation publish; reviewers read versions and ' +
  'diffs. A form outside your reach is 403; an unknown form or version is 404.'
const common = { tags: ['form versions'], security: [{ bearer: [] }] }
const ok = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const publishRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms/{id}/publish',
  summary: 'Publish the current JSON as an immutable version · 发布表单版本',
  description:
    `${ACCESS} 422 invalidForm with details.errors (validateForm) when the form is not valid; ` +
    '409 when nothing changed since the latest version; 409 for an archived form. Versions ' +
    'are numbered 1, 2, 3… per form, without gaps under concurrent publishes.',
  request: {
    params: z.object({ id: z.string() }),
    body: { required: false, content: { 'application/json': { schema: PublishBody } } },
  },
  responses: {
    201: ok(PublishedSchema, 'Published'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
})

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions',
  summary: 'A form’s published versions, newest first · 版本列表',
  description: `${ACCESS} Without JSON; the cursor continues below a version number.`,
  request: { params: z.object({ id: z.string() }), query: PageQuerySchema },
  responses: { 200: ok(VersionListSchema, 'One page'), ...errorResponses(400, 401, 403, 404) },
})

const getRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions/{version}',
  summary: 'One published version with its JSON · 版本详情',
  description: ACCESS,
  request: { params: z.object({ id: z.string(), version: z.string() }) },
  responses: { 200: ok(VersionSchema, 'The version'), ...errorResponses(401, 403, 404) },
})

const diffRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions/{a}/diff/{b}',
  summary: 'What changed from version a to version b · 版本差异',
  description:
    `${ACCESS} Questions are matched by name across pages and panels; a moved question is a ` +
    'change of its page or parent; choices compare as whole lists; survey-level properties ' +
    'are in form. Either side may be `current` (the saved, unpublished JSON).',
  request: { params: z.object({ id: z.string(), a: z.string(), b: z.string() }) },
  responses: { 200: ok(DiffSchema, 'The differences'), ...errorResponses(401, 403, 404) },
})

/** Publishing and reading form versions; mounted by `formsRoutes` (which signs users in). */
export function formVersionRoutes({ database: { db } }: AppDeps) {
  const router = createRouter<AuthEnv>()

  router.openapi(publishRoute, async (c) => {
    const user = c.var.user
    const form = await formFor(db, user, idParam(c.req.valid('param').id, 'form'), 'write')
    const { note = '', json } = c.req.valid('json')
    const created = await publishForm(db, { form, user, note, json })
    return c.json({ id: created.id, version: created.version, hash: created.hash }, 201)
  })

  router.openapi(listRoute, async (c) => {
    const form = await formFor(db, c.var.user, idParam(c.req.valid('param').id, 'form'), 'read')
    return c.json(await listVersions(db, form.id, c.req.valid('query')), 200)
  })

  router.openapi(getRoute, async (c) => {
    const params = c.req.valid('param')
    const form = await formFor(db, c.var.user, idParam(params.id, 'form'), 'read')
    return c.json(await getVersion(db, form.id, idParam(params.version, 'version')), 200)
  })

  router.openapi(diffRoute, async (c) => {
    const params = c.req.valid('param')
    const form = await formFor(db, c.var.user, idParam(params.id, 'form'), 'read')
    const [before, after] = await Promise.all([
      jsonAt(db, form, params.a),
      jsonAt(db, form, params.b),
    ])
    return c.json(diffForms(before, after), 200)
  })
  return router
}
