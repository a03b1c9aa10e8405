import { z } from '@hono/zod-openapi'
import { ROLES } from '@yardstick/db/enums'
import { RowIdQuerySchema, RowIdSchema } from './ids'
import { ImportReportSchema } from './imports'
import { PageQuerySchema, pageSchema } from './pagination'

/**
 * Why a password was refused (`weakPassword`, details `{ reasons }`): shorter than the minimum,
 * a common password of the strength library's dictionaries, or too easy to guess (its strength
 * score, with the user's own e-mail and name counted against it).
 */
export const WEAK_PASSWORD_REASONS = ['tooShort', 'common', 'guessable'] as const
export type WeakPasswordReason = (typeof WEAK_PASSWORD_REASONS)[number]

/** The `details` of a `weakPassword` error. */
export const WeakPasswordDetailsSchema = z
  .object({
    reasons: z.array(z.enum(WEAK_PASSWORD_REASONS)),
    minLength: z.number().int(),
  })
  .openapi('WeakPasswordDetails')
export type WeakPasswordDetails = z.infer<typeof WeakPasswordDetailsSchema>

/** A role to grant: a role on an organisation, reaching its subtree. */
export const GrantInputSchema = z
  .object({ role: z.enum(ROLES), orgId: RowIdSchema })
  .openapi('GrantInput')
export type GrantInput = z.infer<typeof GrantInputSchema>

/** One grant of a managed user, as an admin sees it (only grants inside the admin's reach). */
export const ManagedGrantSchema = z
  .object({
    id: z.number().int().openapi({ description: 'The grant’s id (DELETE …/grants/{grantId})' }),
    role: z.enum(ROLES),
    orgId: z.number().int(),
    path: z.string().openapi({ example: '/1/4/' }),
    orgName: z.string(),
  })
  .openapi('ManagedGrant')
export type ManagedGrant = z.infer<typeof ManagedGrantSchema>

/** A user as the users API answers it to an admin. */
export const ManagedUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    active: z.boolean(),
    deactivatedAt: z.string().nullable(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    grants: z.array(ManagedGrantSchema).openapi({
      description: 'The grants inside your reach (grants elsewhere are not shown)',
    }),
    otherGrants: z.number().int().openapi({
      description: 'How many of the user’s grants lie outside your reach',
    }),
  })
  .openapi('ManagedUser')
export type ManagedUser = z.infer<typeof ManagedUserSchema>

// Query booleans stay strings in the contract (a transform has no JSON Schema); `'true'` is true.
const booleanQuery = z.enum(['true', 'false'])

/** `GET /api/users`: filters and paging. */
export const UserListQuerySchema = PageQuerySchema.extend({
  q: z.string().max(200).optional().openapi({ description: 'Part of the name or e-mail' }),
  subtree: RowIdQuerySchema.optional().openapi({
    description: 'An organisation id: users holding a grant on it or below',
  }),
  role: z.enum(ROLES).optional(),
  active: booleanQuery
    .optional()
    .openapi({ description: '`true`: active only; `false`: deactivated only' }),
})
export type UserListQuery = z.output<typeof UserListQuerySchema>
/** `GET /api/users`'s query, as the users area reads it (`active` a boolean). */
export type UserListFilters = Omit<UserListQuery, 'active'> & { active?: boolean }

export const UserListSchema = pageSchema(ManagedUserSchema).openapi('UserList')
export type UserList = z.infer<typeof UserListSchema>

const EmailSchema = z.string().trim().toLowerCase().email().max(254)
const NameSchema = z.string().trim().min(1).max(100)

/** `POST /api/users`. */
export const CreateUserBodySchema = z
  .object({
    email: EmailSchema,
    name: NameSchema,
    grants: z.array(GrantInputSchema).max(50).default([]),
  })
  .openapi('CreateUserBody')
export type CreateUserBody = z.input<typeof CreateUserBodySchema>

/** A temporary password, shown once: its holder must change it at first sign-in. */
export const TemporaryPasswordSchema = z
  .object({
    temporaryPassword: z.string().openapi({
      description: 'Shown this once; the user must change it at first sign-in',
    }),
  })
  .openapi('TemporaryPassword')
export type TemporaryPassword = z.infer<typeof TemporaryPasswordSchema>

/** What `POST /api/users` answers: the user and their temporary password (shown once). */
export const CreatedUserSchema = TemporaryPasswordSchema.extend({
  user: ManagedUserSchema,
}).openapi('CreatedUser')
export type CreatedUser = z.infer<typeof CreatedUserSchema>

/** `PATCH /api/users/{id}`: name and/or e-mail. */
export const UpdateUserBodySchema = z
  .object({ name: NameSchema.optional(), email: EmailSchema.optional() })
  .refine((body) => body.name !== undefined || body.email !== undefined, {
    message: 'Give a name or an e-mail to change',
  })
  .openapi('UpdateUserBody')
export type UpdateUserBody = z.input<typeof UpdateUserBodySchema>

/** `:id` of a user. */
export const UserParamsSchema = z.object({ id: z.string() })
/** `:id` of a user and `:grantId` of one of their grants. */
export const UserGrantParamsSchema = z.object({ id: z.string(), grantId: z.string() })

/** `POST /api/users/import?dryRun=`: a dry run unless `dryRun=false`. */
export const UserImportQuerySchema = z.object({
  dryRun: booleanQuery.default('true').openapi({
    description:
      '`true` (the default): only report what applying would do. `false`: apply, when no row is refused.',
  }),
})

/** The uploaded people file as raw bytes (`text/csv` or the XLSX content type). */
export const UserImportFileSchema = z.string().openapi({ type: 'string', format: 'binary' })

/** The uploaded people file as a `multipart/form-data` field `file`. */
export const UserImportFormSchema = z
  .object({ file: z.any().openapi({ type: 'string', format: 'binary' }) })
  .openapi('UserImportForm')

/**
 * The columns of the people import, zh-CN header first, then the other headers it accepts.
 * 单位编码 or 单位 (a name path `机关工委/第一分工委/第一党支部`, or a name no other unit has)
 * names the unit the role is held on.
 */
export const USER_TABLE_HEADERS = {
  name: ['姓名', '名字', 'name'],
  email: ['邮箱', '电子邮箱', '邮件', 'email', 'e-mail'],
  unitCode: ['单位编码', '组织编码', '支部编码', 'unit code', 'unitCode'],
  unit: ['单位', '组织', '所在单位', '所在支部', 'unit', 'organisation', 'organization'],
  role: ['角色', '职务', 'role'],
} as const
export type UserTableColumn = keyof typeof USER_TABLE_HEADERS

/** The issue codes of the people import, row by row. */
export const USER_IMPORT_ISSUE_CODES = [
  'nameRequired',
  'emailRequired',
  'invalidEmail',
  'unitRequired',
  /** No unit inside your admin subtrees has this code or name (path). */
  'unitNotFound',
  /** Several units carry this name: give the name path or the code. */
  'unitAmbiguous',
  /** The code and the name name two different units. */
  'unitMismatch',
  'unitRetired',
  'roleRequired',
  /** Not admin, editor, reviewer, secretary or assessor (管理员, 编辑, 审核, 书记, 考评员). */
  'unknownRole',
  /** The same e-mail with another name earlier in the file. */
  'nameDiffers',
] as const
export type UserImportIssueCode = (typeof USER_IMPORT_ISSUE_CODES)[number]

/** A created user's first password, in an applied import's answer (shown once). */
export const ImportCredentialSchema = z
  .object({ email: z.string(), name: z.string(), temporaryPassword: z.string() })
  .openapi('ImportCredential')
export type ImportCredential = z.infer<typeof ImportCredentialSchema>

/** What `POST /api/users/import` answers: the report and, once applied, new users' passwords. */
export const UserImportReportSchema = ImportReportSchema.extend({
  credentials: z.array(ImportCredentialSchema).optional().openapi({
    description: 'Applied imports only: the temporary password of each user created (shown once)',
  }),
}).openapi('UserImportReport')
export type UserImportReport = z.infer<typeof UserImportReportSchema>
