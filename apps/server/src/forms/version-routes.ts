import { createRoute } from '@hono/zod-openapi'
import {
  DiffParamsSchema,
  FormDiffSchema,
  FormVersionsParamsSchema,
  PageQuerySchema,
  PublishBodySchema,
  PublishedSchema,
  RestoredSchema,
  VersionListSchema,
  VersionParamsSchema,
  VersionSchema,
} from '@yardstick/contract'
import { schema } from '@yardstick/db'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import type { AuthEnv } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { AppError } from '../http/errors'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { assertNotArchived, formFor } from './access'
import { diffForms } from './diff'
import { applyToDocument, withCurrentJson } from './document-sync'
import { savedJson } from './initial-json'
import { publishForm } from './publish'
import { RETRY_AFTER_SECONDS } from './validation-pool'
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
  operationId: 'publishForm',
  summary: 'Publish the current JSON as an immutable version · 发布表单版本',
  description:
    `${ACCESS} A \`note\` saying what changed is required (400 invalidBody without one). ` +
    '422 invalidForm with details.errors (validateForm) when the form is not valid; ' +
    "422 formTooDeep / formTooLarge over the SDK's FORM_LIMITS (details: path, limit); " +
    '503 validationUnavailable (with Retry-After) when the check did not finish in time; ' +
    '409 when nothing changed since the latest version; 409 for an archived form. Versions ' +
    'are numbered 1, 2, 3… per form, without gaps under concurrent publishes.',
  request: {
    params: FormVersionsParamsSchema,
    body: { required: true, content: { 'application/json': { schema: PublishBodySchema } } },
  },
  responses: {
    201: ok(PublishedSchema, 'Published'),
    ...errorResponses(400, 401, 403, 404, 409, 422, 503),
  },
})

const listRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions',
  operationId: 'listFormVersions',
  summary: 'A form’s published versions, newest first · 版本列表',
  description: `${ACCESS} Without JSON; the cursor continues below a version number.`,
  request: { params: FormVersionsParamsSchema, query: PageQuerySchema },
  responses: { 200: ok(VersionListSchema, 'One page'), ...errorResponses(400, 401, 403, 404) },
})

const getRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions/{version}',
  operationId: 'getFormVersion',
  summary: 'One published version with its JSON · 版本详情',
  description: ACCESS,
  request: { params: VersionParamsSchema },
  responses: { 200: ok(VersionSchema, 'The version'), ...errorResponses(401, 403, 404) },
})

const diffRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}/versions/{a}/diff/{b}',
  operationId: 'diffFormVersions',
  summary: 'What changed from version a to version b · 版本差异',
  description:
    `${ACCESS} Questions are matched by name across pages and panels; a moved question is a ` +
    'change of its page or parent; choices compare as whole lists; survey-level properties ' +
    'are in form. Either side may be `current`: the unpublished JSON as editors see it now ' +
    '(the co-edited document, even before it is saved).',
  request: { params: DiffParamsSchema },
  responses: { 200: ok(FormDiffSchema, 'The differences'), ...errorResponses(401, 403, 404) },
})

const restoreRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms/{id}/versions/{version}/restore',
  operationId: 'restoreFormVersion',
  summary: 'Restore a version as a new edit everyone sees · 恢复历史版本（作为一次新的编辑）',
  description:
    `${ACCESS} The version's JSON becomes the form's current content, applied to the co-edited ` +
    'document as one new edit: history is never rewritten, and editors see it live.',
  request: { params: VersionParamsSchema },
  responses: {
    200: ok(RestoredSchema, 'Restored'),
    ...errorResponses(401, 403, 404, 409),
  },
})

/** Publishing and reading form versions; mounted by `formsRoutes` (which signs users in). */
export function formVersionRoutes({ database: { db }, documents, config }: AppDeps) {
  const router = createRouter<AuthEnv>()

  router.openapi(publishRoute, async (c) => {
    const user = c.var.user
    const found = await formFor(db, user, idParam(c.req.valid('param').id, 'form'), 'write')
    const { note, json } = c.req.valid('json')
    // What editors see now is what gets published: the co-edited document, when there is one.
    const form = await withCurrentJson({ db, documents }, found)
    const created = await publishForm(db, {
      form,
      user,
      note,
      json,
      validationTimeoutMs: config.FORM_VALIDATION_TIMEOUT_MS,
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'validationUnavailable')
        c.header('Retry-After', String(RETRY_AFTER_SECONDS))
      throw error
    })
    if (json) await applyToDocument(documents, form.id, created.json)
    return c.json({ id: created.id, version: created.version, hash: created.hash }, 201)
  })

  router.openapi(restoreRoute, async (c) => {
    const params = c.req.valid('param')
    const form = await formFor(db, c.var.user, idParam(params.id, 'form'), 'write')
    assertNotArchived(form, 'restore a version into it')
    const version = await getVersion(db, form.id, idParam(params.version, 'version'))
    const saved = savedJson(version.json, undefined, form.title)
    await db.transaction(async (tx) => {
      await tx
        .update(schema.forms)
        .set({ ...saved, updatedAt: new Date() })
        .where(eq(schema.forms.id, form.id))
      await recordAudit(tx, {
        actorId: c.var.user.id,
        action: 'form.restore',
        entity: 'form',
        entityId: form.id,
        orgPath: form.orgPath,
        before: { title: form.title },
        after: { title: saved.title, version: version.version, hash: version.hash },
      })
    })
    await applyToDocument(documents, form.id, saved.json)
    return c.json({ restored: version.version }, 200)
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
      jsonAt({ db, documents }, form, params.a),
      jsonAt({ db, documents }, form, params.b),
    ])
    return c.json(diffForms(before, after), 200)
  })
  return router
}
