import { z } from '@hono/zod-openapi'

/** What an import does with one row of the file. */
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'refuse'] as const
export type ImportAction = (typeof IMPORT_ACTIONS)[number]

export const ImportIssueSchema = z
  .object({
    column: z.string().nullable().openapi({ description: 'The column (as headed in the file)' }),
    code: z.string().openapi({ description: 'A closed code per import, e.g. `parentNotFound`' }),
    message: z.string(),
  })
  .openapi('ImportIssue')
export type ImportIssue = z.infer<typeof ImportIssueSchema>

export const ImportRowSchema = z
  .object({
    row: z.number().int().openapi({ description: 'The row number as the spreadsheet shows it' }),
    action: z.enum(IMPORT_ACTIONS),
    /** What the row names (a unit's code or name, a person's e-mail), for the reader. */
    label: z.string(),
    /** For `update`: the fields that change, before → after. */
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
    issues: z.array(ImportIssueSchema),
  })
  .openapi('ImportRow')
export type ImportRow = z.infer<typeof ImportRowSchema>

/**
 * The answer of every spreadsheet import (units, people): a dry run lists what applying would
 * do, row by row; `applied` says whether it was done (never when any row is refused).
 */
export const ImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    applied: z.boolean(),
    counts: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      refuse: z.number().int(),
    }),
    rows: z.array(ImportRowSchema),
  })
  .openapi('ImportReport')
export type ImportReport = z.infer<typeof ImportReportSchema>
