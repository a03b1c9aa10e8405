import { describe, expect, it } from 'vitest'
import { parseRoute } from '../router'

describe('the printable pages’ addresses', () => {
  it('reads a campaign’s report and a form version’s blank form', () => {
    expect(parseRoute('/campaigns/7/report')).toEqual({ page: 'report', campaignId: 7 })
    expect(parseRoute('/campaigns/7/report/')).toEqual({ page: 'report', campaignId: 7 })
    expect(parseRoute('/forms/3/versions/2/print')).toEqual({
      page: 'blankForm',
      formId: 3,
      version: 2,
    })
    expect(parseRoute('/forms/3/versions/x/print')).toEqual({ page: 'notFound' })
  })
})
