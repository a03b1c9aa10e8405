import { describe, it } from 'vitest'
import { runValidateShard } from './validate-shard'

// The corpus in two files so vitest runs the halves in parallel (issue 15: CI time).
describe('validateResponse on real SurveyJS forms, half 2 of 2', () => {
  it('refuses exactly what a headless survey-core Model refuses, but for the named stricter rules', () => {
    runValidateShard(1, 2)
  }, 600_000)
})
