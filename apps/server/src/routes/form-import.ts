import { createRoute } from '@hono/zod-openapi'
import { FormTextImportBodySchema, FormTextImportSchema } from '@yardstick/contract'
import { parseFormText } from '@yardstick/sdk'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AppDeps } from '../deps'
import { assertFormWithinLimits } from '../forms/form-limits'
import { ownerOrg } from '../forms/owner-org'
import { createRouter, errorResponses } from '../http/openapi'

const importFormTextRoute = createRoute({
  tags: ['forms'],
  security: [{ bearer: [] }],
  method: 'post',
  path: '/forms/import',
  operationId: 'importFormText',
  summary: 'Read a form from 问卷星 or 腾讯问卷 text · 文本导入',
  description:
    'Converts pasted text to form JSON with the SDK’s `parseFormText` and saves nothing: every ' +
    'line it could not read comes back in `problems` with its number and a code. For editors ' +
    'and admins, as creating a form; others get 403. A form over the size limits is 422.',
  request: {
    body: { required: true, content: { 'application/json': { schema: FormTextImportBodySchema } } },
  },
  responses: {
    200: {
      description: 'The form read from the text, the syntax read and the unread lines',
      content: { 'application/json': { schema: FormTextImportSchema } },
    },
    ...errorResponses(400, 401, 403, 413, 422),
  },
})

/** `POST /api/forms/import`: the designer's paste-a-form dialog and other systems convert here. */
export function formImportRoutes(deps: AppDeps) {
  const { db } = deps.database
  const router = createRouter<AuthEnv>()
  router.use('/forms/import', requireUser(db))
  router.openapi(importFormTextRoute, async (c) => {
    // Whoever may create a form may convert one: an editor or admin grant anywhere.
    await ownerOrg(db, c.var.user, undefined)
    const { text, syntax } = c.req.valid('json')
    const result = parseFormText(text, { syntax: syntax ?? 'auto' })
    assertFormWithinLimits(result.form)
    return c.json(result, 200)
  })
  return router
}
