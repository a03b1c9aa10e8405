import { z } from '@hono/zod-openapi'
import { FORM_KINDS, templates } from '@yardstick/sdk'
import { PageQuerySchema, pageSchema } from './pagination'

/**
 * A SurveyJS form JSON object: within the SDK's `FORM_LIMITS` wherever one is sent (422
 * `formTooDeep` / `formTooLarge`), validated with `validateForm` when published.
 */
export const FormJsonSchema = z
  .record(z.string(), z.unknown())
  .openapi('FormJson', { description: 'SurveyJS form JSON with Yardstick extensions' })

/** `:id` of a form. */
export const FormIdParamsSchema = z.object({ id: z.string().openapi({ example: '1' }) })

/** `:id` and `:version` of a form version (`version`: its number within the form). */
export const VersionParamsSchema = z.object({ id: z.string(), version: z.string() })

/** `:id`, `:a` and `:b` of a diff: version numbers, or `current`. */
export const DiffParamsSchema = z.object({ id: z.string(), a: z.string(), b: z.string() })

/** `:id` of a form, as the version routes name it. */
export const FormVersionsParamsSchema = z.object({ id: z.string() })

/** `POST /api/forms`. */
export const CreateFormBodySchema = z.object({
  title: z.string().trim().min(1).max(200).openapi({ example: '2025 年度党支部自检自查表' }),
  template: z
    .string()
    .optional()
    .openapi({ description: `One of: ${Object.keys(templates).join(', ')}` }),
  json: FormJsonSchema.optional(),
  orgId: z
    .number()
    .int()
    .positive()
    .optional()
    .openapi({ description: 'Owning office; default: the org of your editor/admin grant' }),
})

/** `PUT /api/forms/:id`: the designer's save. */
export const SaveFormBodySchema = z.object({
  json: FormJsonSchema,
  title: z.string().trim().min(1).max(200).optional(),
})

/** `POST /api/forms/:id/duplicate`. */
export const DuplicateFormBodySchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
})

// Every published version says why it exists: the designer's dialog asks for a note, and so
// does the server, for every other caller of the API.
const NOTE_REQUIRED = 'A version note is required: say what changed in this version'

/** `POST /api/forms/:id/publish`. */
export const PublishBodySchema = z.object({
  note: z
    .string({ error: NOTE_REQUIRED })
    .trim()
    .min(1, NOTE_REQUIRED)
    .max(2000, 'A version note is at most 2000 characters')
    .openapi({
      description: 'What changed in this version, for reviewers and the version history',
      example: '根据分工委意见修改第 3 题',
    }),
  json: FormJsonSchema.optional().openapi({
    description: 'Save this JSON as the current one and publish it in one step',
  }),
})

/** `GET /api/forms`: paging and filters. */
export const FormListQuerySchema = PageQuerySchema.extend({
  q: z.string().max(200).optional().openapi({ description: 'Title contains (case-insensitive)' }),
  kind: z.enum(FORM_KINDS).optional(),
  archived: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true: archived forms only; default: active forms only' }),
  openThreads: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({ description: 'true: only forms with an unresolved review thread' }),
  unpublished: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .openapi({
      description: 'true: only forms never published or edited since their latest version',
    }),
})

/** A form as lists show it. */
export const FormSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  kind: z.string(),
  orgId: z.number(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  latestVersion: z.number().nullable(),
  openThreads: z.number().openapi({ description: 'Unresolved review threads (评审意见)' }),
})

/** `GET /api/forms`: one page. */
export const FormListSchema = pageSchema(FormSummarySchema).openapi('FormList')

/** `GET /api/forms/:id`: a form with its current JSON. */
export const FormSchema = FormSummarySchema.omit({ openThreads: true })
  .extend({
    json: FormJsonSchema,
    unpublishedChanges: z
      .boolean()
      .openapi({ description: 'The current JSON differs from the latest version (or none yet)' }),
  })
  .openapi('Form')

/** What a create answers: the new row's id. */
export const IdSchema = z.object({ id: z.number() })

/** `POST /api/forms/:id/archive` and `…/unarchive`. */
export const ArchivedSchema = z.object({ id: z.number(), archived: z.boolean() })

/** A published version as the history lists it. */
export const VersionSummarySchema = z.object({
  id: z.number().openapi({ description: 'Id of the version row (what campaigns reference)' }),
  version: z.number(),
  hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON (sorted keys)' }),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  note: z.string(),
  createdAt: z.string(),
})

/** `GET /api/forms/:id/versions`: one page. */
export const VersionListSchema = pageSchema(VersionSummarySchema).openapi('FormVersionList')

/** `GET /api/forms/:id/versions/:version`. */
export const VersionSchema = VersionSummarySchema.extend({
  formId: z.number(),
  json: FormJsonSchema,
}).openapi('FormVersion')

/** `POST /api/forms/:id/publish`: the new version. */
export const PublishedSchema = z.object({ id: z.number(), version: z.number(), hash: z.string() })

const ChangeSchema = z.object({
  property: z.string(),
  locale: z
    .string()
    .optional()
    .openapi({
      description:
        'For a localised text, the language that changed (`default` is the form’s own, zh-CN); ' +
        '`before` and `after` are then that language’s texts (null when absent)',
    }),
  before: z.unknown(),
  after: z.unknown(),
})
const ElementRefSchema = z.object({ name: z.string(), type: z.string(), title: z.string() })

/** `GET /api/forms/:id/versions/:a/diff/:b`. */
export const FormDiffSchema = z
  .object({
    added: z.array(ElementRefSchema),
    removed: z.array(ElementRefSchema),
    changed: z.array(z.object({ name: z.string(), changes: z.array(ChangeSchema) })),
    form: z.array(ChangeSchema),
  })
  .openapi('FormDiff')

export type CreateFormBody = z.input<typeof CreateFormBodySchema>
export type SaveFormBody = z.input<typeof SaveFormBodySchema>
export type DuplicateFormBody = z.input<typeof DuplicateFormBodySchema>
export type PublishBody = z.input<typeof PublishBodySchema>
export type FormListQuery = z.infer<typeof FormListQuerySchema>
export type FormSummary = z.infer<typeof FormSummarySchema>
export type FormList = z.infer<typeof FormListSchema>
export type Form = z.infer<typeof FormSchema>
export type Id = z.infer<typeof IdSchema>
export type Archived = z.infer<typeof ArchivedSchema>
export type VersionSummary = z.infer<typeof VersionSummarySchema>
export type VersionList = z.infer<typeof VersionListSchema>
export type Version = z.infer<typeof VersionSchema>
export type Published = z.infer<typeof PublishedSchema>
export type FormDiff = z.infer<typeof FormDiffSchema>

/** `POST /api/forms/:id/versions/:version/restore`: the version number restored. */
export const RestoredSchema = z.object({ restored: z.number() })
export type Restored = z.infer<typeof RestoredSchema>
