import { z } from '@hono/zod-openapi'
import { FORM_KINDS, templates } from '@yardstick/sdk'
import { PageQuerySchema, pageSchema } from './pagination'

/** A SurveyJS form JSON object (validated with `validateForm` when published). */
export const FormJsonSchema = z
  .record(z.string(), z.unknown())
  .openapi('FormJson', { description: 'SurveyJS form JSON with Yardstick extensions' })

export const FormIdParams = z.object({ id: z.string().openapi({ example: '1' }) })

export const CreateFormBody = z.object({
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

export const SaveFormBody = z.object({
  json: FormJsonSchema,
  title: z.string().trim().min(1).max(200).optional(),
})

export const DuplicateFormBody = z.object({ title: z.string().trim().min(1).max(200).optional() })

// Every published version says why it exists: the designer's dialog asks for a note, and so
// does the server, for every other caller of the API.
const NOTE_REQUIRED = 'A version note is required: say what changed in this version'

export const PublishBody = z.object({
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

export const FormListQuery = PageQuerySchema.extend({
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

const FormSummary = z.object({
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

export const FormListSchema = pageSchema(FormSummary).openapi('FormList')

export const FormSchema = FormSummary.omit({ openThreads: true })
  .extend({
    json: FormJsonSchema,
    unpublishedChanges: z
      .boolean()
      .openapi({ description: 'The current JSON differs from the latest version (or none yet)' }),
  })
  .openapi('Form')

export const IdSchema = z.object({ id: z.number() })

export const ArchivedSchema = z.object({ id: z.number(), archived: z.boolean() })

const VersionSummary = z.object({
  id: z.number().openapi({ description: 'Id of the version row (what campaigns reference)' }),
  version: z.number(),
  hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON (sorted keys)' }),
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  note: z.string(),
  createdAt: z.string(),
})

export const VersionListSchema = pageSchema(VersionSummary).openapi('FormVersionList')

export const VersionSchema = VersionSummary.extend({
  formId: z.number(),
  json: FormJsonSchema,
}).openapi('FormVersion')

export const PublishedSchema = z.object({ id: z.number(), version: z.number(), hash: z.string() })

const Change = z.object({
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
const ElementRef = z.object({ name: z.string(), type: z.string(), title: z.string() })

export const DiffSchema = z
  .object({
    added: z.array(ElementRef),
    removed: z.array(ElementRef),
    changed: z.array(z.object({ name: z.string(), changes: z.array(Change) })),
    form: z.array(Change),
  })
  .openapi('FormDiff')
