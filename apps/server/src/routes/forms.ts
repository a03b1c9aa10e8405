import { createRoute } from '@hono/zod-openapi'
import {
  ArchivedSchema,
  CreateFormBodySchema,
  DuplicateFormBodySchema,
  FormIdParamsSchema,
  FormListQuerySchema,
  FormListSchema,
  FormSchema,
  IdSchema,
  SaveFormBodySchema,
} from '@yardstick/contract'
import { schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { recordAudit } from '../audit/record'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { assertNotArchived, formFor } from '../forms/access'
import { applyToDocument, withCurrentJson } from '../forms/document-sync'
import { initialJson, kindOf, savedJson } from '../forms/initial-json'
import { ownerOrg } from '../forms/owner-org'
import { formView, listForms } from '../forms/queries'
import { formVersionRoutes } from '../forms/version-routes'
import { createRouter, errorResponses, idParam } from '../http/openapi'

const ACCESS =
  'Editors and admins reaching the form’s organisation write; reviewers read. A form outside ' +
  'your reach is 403 here (and simply absent from lists); an unknown id is 404.'

const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { 'application/json': { schema } } },
})
const common = { tags: ['forms'], security: [{ bearer: [] }] }

const createFormRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms',
  operationId: 'createForm',
  summary: 'Create a form from a template, a JSON or blank · 新建表单',
  description: `${ACCESS} Unknown template → 400 with the valid keys in details.templates.`,
  request: jsonBody(CreateFormBodySchema),
  responses: { 201: jsonResponse(IdSchema, 'Created'), ...errorResponses(400, 401, 403) },
})

const listFormsRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms',
  operationId: 'listForms',
  summary: 'List the forms you read, newest first · 表单列表',
  description: `${ACCESS} Users with no editor/reviewer/admin role get 403.`,
  request: { query: FormListQuerySchema },
  responses: {
    200: jsonResponse(FormListSchema, 'One page of forms'),
    ...errorResponses(400, 401, 403),
  },
})

const getFormRoute = createRoute({
  ...common,
  method: 'get',
  path: '/forms/{id}',
  operationId: 'getForm',
  summary: 'A form with its current JSON · 表单详情（当前 JSON）',
  description: ACCESS,
  request: { params: FormIdParamsSchema },
  responses: { 200: jsonResponse(FormSchema, 'The form'), ...errorResponses(401, 403, 404) },
})

const saveFormRoute = createRoute({
  ...common,
  method: 'put',
  path: '/forms/{id}',
  operationId: 'saveForm',
  summary: 'Replace the current JSON (the designer’s save) · 保存表单',
  description: `${ACCESS} An archived form is read-only (409).`,
  request: { params: FormIdParamsSchema, ...jsonBody(SaveFormBodySchema) },
  responses: { 200: jsonResponse(FormSchema, 'Saved'), ...errorResponses(400, 401, 403, 404, 409) },
})

const archiveRoute = (archive: boolean) =>
  createRoute({
    ...common,
    method: 'post',
    path: archive ? '/forms/{id}/archive' : '/forms/{id}/unarchive',
    operationId: archive ? 'archiveForm' : 'unarchiveForm',
    summary: archive
      ? 'Archive a form (hidden from lists, read-only) · 归档表单'
      : 'Bring an archived form back · 取消归档',
    description: `${ACCESS} Idempotent.`,
    request: { params: FormIdParamsSchema },
    responses: { 200: jsonResponse(ArchivedSchema, 'Done'), ...errorResponses(401, 403, 404) },
  })

const duplicateRoute = createRoute({
  ...common,
  method: 'post',
  path: '/forms/{id}/duplicate',
  operationId: 'duplicateForm',
  summary: 'Copy a form into a new, unpublished one · 复制表单',
  description: `${ACCESS} The copy belongs to the same organisation; default title “<title>（副本）”.`,
  request: {
    params: FormIdParamsSchema,
    body: { required: false, content: { 'application/json': { schema: DuplicateFormBodySchema } } },
  },
  responses: { 201: jsonResponse(IdSchema, 'Created'), ...errorResponses(400, 401, 403, 404) },
})

/** Forms: create, list, read, save, archive, duplicate, and (from `formVersionRoutes`) versions. */
export function formsRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/forms/*', requireUser(db))

  router.openapi(createFormRoute, async (c) => {
    const { title, template, json: given, orgId } = c.req.valid('json')
    const owner = await ownerOrg(db, c.var.user, orgId)
    const content = initialJson({ title, template, json: given })
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.forms)
        .values({
          orgId: owner.id,
          title,
          kind: kindOf(content),
          json: content,
          createdBy: c.var.user.id,
        })
        .returning({ id: schema.forms.id, title: schema.forms.title, kind: schema.forms.kind })
      if (!created) throw new Error('create form: nothing inserted')
      await recordAudit(tx, {
        actorId: c.var.user.id,
        action: 'form.create',
        entity: 'form',
        entityId: created.id,
        orgPath: owner.path,
        after: { title: created.title, kind: created.kind, template: template ?? null },
      })
      return created
    })
    return c.json({ id: row.id }, 201)
  })

  router.openapi(listFormsRoute, async (c) =>
    c.json(await listForms(db, c.var.user, c.req.valid('query')), 200),
  )

  router.openapi(getFormRoute, async (c) => {
    const form = await formFor(db, c.var.user, idParam(c.req.valid('param').id, 'form'), 'read')
    return c.json(
      await formView(db, await withCurrentJson({ db, documents: deps.documents }, form)),
      200,
    )
  })

  router.openapi(saveFormRoute, async (c) => {
    const form = await formFor(db, c.var.user, idParam(c.req.valid('param').id, 'form'), 'write')
    assertNotArchived(form, 'save it')
    const { json: content, title } = c.req.valid('json')
    const saved = savedJson(content as FormJson, title, form.title)
    const [row] = await db
      .update(schema.forms)
      .set({ ...saved, updatedAt: new Date() })
      .where(eq(schema.forms.id, form.id))
      .returning()
    if (!row) throw new Error('save form: nothing updated')
    // Co-editors see an API save as one new edit of the shared document.
    await applyToDocument(deps.documents, form.id, saved.json)
    return c.json(await formView(db, { ...row, orgPath: form.orgPath }), 200)
  })

  for (const archive of [true, false]) {
    router.openapi(archiveRoute(archive), async (c) => {
      const id = idParam(c.req.valid('param').id, 'form')
      const form = await formFor(db, c.var.user, id, 'write')
      // Keeps the first archiving time when archived twice.
      const archivedAt = archive ? (form.archivedAt ?? new Date()) : null
      // Idempotent: archiving an archived form (or unarchiving a live one) changes nothing and
      // leaves no entry.
      const changes = (form.archivedAt !== null) !== archive
      await db.transaction(async (tx) => {
        await tx.update(schema.forms).set({ archivedAt }).where(eq(schema.forms.id, id))
        if (!changes) return
        await recordAudit(tx, {
          actorId: c.var.user.id,
          action: archive ? 'form.archive' : 'form.unarchive',
          entity: 'form',
          entityId: id,
          orgPath: form.orgPath,
          before: { title: form.title, archived: !archive },
          after: { title: form.title, archived: archive },
        })
      })
      // Its writers stop now: an archived form is read-only on the socket too ([COL3]).
      if (archive && changes) await deps.documents?.accessChanged(id)
      return c.json({ id, archived: archive }, 200)
    })
  }

  router.openapi(duplicateRoute, async (c) => {
    const form = await formFor(db, c.var.user, idParam(c.req.valid('param').id, 'form'), 'write')
    // What the editors see now, not the JSON column: a co-edited document is newer.
    const current = await withCurrentJson({ db, documents: deps.documents }, form)
    const title = c.req.valid('json').title ?? `${current.title}（副本）`
    const content = { ...current.json, title }
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(schema.forms)
        .values({
          orgId: form.orgId,
          title,
          kind: current.kind,
          json: content,
          createdBy: c.var.user.id,
        })
        .returning({ id: schema.forms.id })
      if (!created) throw new Error('duplicate form: nothing inserted')
      await recordAudit(tx, {
        actorId: c.var.user.id,
        action: 'form.duplicate',
        entity: 'form',
        entityId: created.id,
        orgPath: form.orgPath,
        after: { title, kind: current.kind, from: form.id },
      })
      return created
    })
    return c.json({ id: row.id }, 201)
  })

  router.route('/', formVersionRoutes(deps))
  return router
}
