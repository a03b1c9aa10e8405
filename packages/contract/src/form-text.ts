import { z } from '@hono/zod-openapi'
import { TEXT_PROBLEM_CODES, TEXT_SYNTAXES } from '@yardstick/sdk'
import { FormJsonSchema } from './forms'

/** The longest text `POST /api/forms/import` reads (characters); the body limit applies too. */
export const FORM_TEXT_MAX = 200_000

/** `POST /api/forms/import`: a form written as 问卷星 or 腾讯问卷 text (文本导入). */
export const FormTextImportBodySchema = z.object({
  text: z
    .string()
    .min(1)
    .max(FORM_TEXT_MAX)
    .openapi({ example: '满意度调查\n\n1. 您对服务满意吗？[单选题]\nA. 满意\nB. 不满意' }),
  syntax: z
    .enum([...TEXT_SYNTAXES, 'auto'])
    .optional()
    .openapi({ description: 'wjx (问卷星), tencent (腾讯问卷) or auto (default): which to read' }),
})
export type FormTextImportBody = z.infer<typeof FormTextImportBodySchema>

const TextProblemSchema = z.object({
  line: z.number().int().positive().openapi({ description: 'Line number, from 1' }),
  code: z.enum(Object.values(TEXT_PROBLEM_CODES) as [string, ...string[]]),
  text: z.string().openapi({ description: 'The line as pasted (trimmed)' }),
  detail: z.string().optional().openapi({ description: 'The tag, option or answer at fault' }),
})

/** What `POST /api/forms/import` answers: the SDK's `parseFormText` result; nothing is saved. */
export const FormTextImportSchema = z
  .object({
    form: FormJsonSchema,
    syntax: z.enum(TEXT_SYNTAXES),
    problems: z.array(TextProblemSchema),
  })
  .openapi('FormTextImport')
export type FormTextImport = z.infer<typeof FormTextImportSchema>
