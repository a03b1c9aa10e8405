import { getBuiltInVariableNames } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { SURVEY_BUILT_IN_VARIABLES } from './reserved-names'

describe('SURVEY_BUILT_IN_VARIABLES', () => {
  it('is survey-core’s own list of built-in variables', () => {
    expect([...SURVEY_BUILT_IN_VARIABLES].sort()).toEqual([...getBuiltInVariableNames()].sort())
  })
})
