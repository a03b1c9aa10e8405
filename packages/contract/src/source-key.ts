import { z } from '@hono/zod-openapi'
import { SOURCE_KEY_PATTERN, SOURCE_RESPONDENTS } from '@yardstick/sdk/domain'

/**
 * A source's key: `self`, `members`, `superior` (the defaults) or a slug of the campaign's own.
 *
 * @example
 * SourceKeySchema.parse('debriefing') // 'debriefing'
 */
export const SourceKeySchema = z
  .string()
  .regex(SOURCE_KEY_PATTERN, 'a letter a–z, then up to 31 letters or digits')
  .openapi({
    description:
      'The source: self, members, superior (the defaults) or the campaign’s own slug ' +
      '(a letter a–z, then up to 31 letters or digits)',
    example: 'debriefing',
  })

/** Who answers a source (`SOURCE_RESPONDENTS`). */
export const SourceRespondentSchema = z.enum(SOURCE_RESPONDENTS).openapi({
  description:
    'Who answers: selfCheck (the branch’s self-check workflow; one per campaign), members ' +
    '(the link, or one-time tokens when anonymous), assessors (signed-in assessors reaching the ' +
    'unit) or panel (the named users of `panel`, each rating every unit once). Default: ' +
    'self → selfCheck, superior → assessors, any other → members',
})
