import { z } from '@hono/zod-openapi'
import { ORG_KINDS } from '@yardstick/db/enums'
import { UNIT_TYPES } from '@yardstick/sdk/domain'
import { RowIdSchema } from './ids'

/** A text in both languages the API speaks. */
export const LabelSchema = z.object({ 'zh-CN': z.string(), en: z.string() })
export type Label = z.infer<typeof LabelSchema>

/** An organisation of the tree (`GET /api/orgs`), with its visible children when listed. */
export interface OrgNode {
  id: number
  parentId: number | null
  kind: (typeof ORG_KINDS)[number]
  name: string
  unitType: (typeof UNIT_TYPES)[number] | null
  /** 支部类型名称 / the branch type's label; null when not a branch. */
  unitTypeLabel: Label | null
  path: string
  /** The office's own code (e.g. from its 党员管理系统), unique under one committee; null: none. */
  code: string | null
  /** When the unit was retired (撤销), ISO 8601; null while it is active. */
  retiredAt: string | null
  /** False for an ancestor shown only for context (a secretary sees where their branch sits). */
  reached: boolean
  children?: OrgNode[]
}

// A recursive schema needs its type written out (zod cannot infer through the getter).
export const OrgNodeSchema: z.ZodType<OrgNode> = z
  .object({
    id: z.number(),
    parentId: z.number().nullable(),
    kind: z.enum(ORG_KINDS),
    name: z.string(),
    unitType: z.enum(UNIT_TYPES).nullable(),
    unitTypeLabel: LabelSchema.nullable().openapi({
      description: '支部类型名称 / branch type label',
    }),
    path: z.string().openapi({ example: '/1/4/17/' }),
    code: z.string().nullable().openapi({
      description: 'The office’s own code, unique under one committee; null: none',
      example: '0301',
    }),
    retiredAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .openapi({
        description:
          'When the unit was retired (撤销); null while active. A retired unit keeps its ' +
          'history, takes no new units and is offered to no new campaign',
      }),
    reached: z.boolean().openapi({
      description:
        'false for an ancestor shown only for context (a secretary sees where their branch sits)',
    }),
    get children() {
      return z.array(OrgNodeSchema).optional()
    },
  })
  .openapi('OrgNode') as unknown as z.ZodType<OrgNode>

/** `GET /api/orgs`: the roots of the visible tree. */
export const OrgTreeSchema = z.object({ items: z.array(OrgNodeSchema) })

/** `GET /api/orgs/unit-types`: every branch type with its labels. */
export const UnitTypeListSchema = z.object({
  items: z.array(z.object({ key: z.enum(UNIT_TYPES), label: LabelSchema })),
})

/** `:id` of an organisation. */
export const OrgParamsSchema = z.object({ id: z.string() })

export type OrgTree = z.infer<typeof OrgTreeSchema>
export type UnitTypeList = z.infer<typeof UnitTypeListSchema>

/** The longest code of a unit (trimmed), as `apps/server/src/orgs/tree-rules.ts` checks it. */
export const ORG_CODE_MAX = 64
/** The longest name of a unit (trimmed). */
export const ORG_NAME_MAX = 200

const orgName = z.string().trim().min(1).max(ORG_NAME_MAX).openapi({ example: '第一党支部' })
const orgCode = z.string().trim().max(ORG_CODE_MAX).nullable().openapi({
  description: 'The office’s own code, unique under one committee; null or empty: none',
  example: '0301',
})

/** `POST /api/orgs`: a new unit under a parent. */
export const CreateOrgSchema = z
  .object({
    parentId: RowIdSchema,
    kind: z.enum(['subcommittee', 'branch']).openapi({
      description: 'Under a committee or sub-committee: a sub-committee or a branch',
    }),
    name: orgName,
    unitType: z.enum(UNIT_TYPES).nullable().optional().openapi({
      description: 'Required for a branch (支部类型), absent or null otherwise',
    }),
    code: orgCode.optional(),
  })
  .openapi('CreateOrg')
export type CreateOrgInput = z.infer<typeof CreateOrgSchema>

/** `PATCH /api/orgs/:id`: rename, change the branch type, set or clear the code. */
export const UpdateOrgSchema = z
  .object({
    name: orgName.optional(),
    unitType: z.enum(UNIT_TYPES).optional().openapi({ description: 'Branches only' }),
    code: orgCode.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Give at least one of name, unitType, code',
  })
  .openapi('UpdateOrg')
export type UpdateOrgInput = z.infer<typeof UpdateOrgSchema>

/** `POST /api/orgs/:id/move`: the new parent. */
export const MoveOrgSchema = z.object({ parentId: RowIdSchema }).openapi('MoveOrg')
export type MoveOrgInput = z.infer<typeof MoveOrgSchema>
