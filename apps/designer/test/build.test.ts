import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildUi } from '@yardstick/testing'
import { beforeAll, describe, expect, it } from 'vitest'

const DIST = join(import.meta.dirname, '../dist')
const ASSETS = join(DIST, 'assets')
// A method of survey-core's DomWindowHelper: a property name, so minification keeps it.
const SURVEY_CORE_MARK = 'isFileReaderAvailable'

describe('the built designer', () => {
  let entry: string
  beforeAll(async () => {
    await buildUi(['designer'])
    const html = readFileSync(join(DIST, 'index.html'), 'utf8')
    const src = /<script type="module" crossorigin src="\/assets\/([^"]+\.js)"/.exec(html)?.[1]
    if (!src) throw new Error(`no entry script in ${html}`)
    entry = readFileSync(join(ASSETS, src), 'utf8')
  }, 240_000)

  // survey-core is 1.5 MB: the form list, the dashboards and the campaign pages never need it,
  // only the editor's preview, validation and publishing, which load it on demand. A value
  // imported from the SDK that reaches survey-core (as the builders' name check once did)
  // would put it in every first load.
  it('keeps survey-core out of the first script, in a chunk of its own loaded on demand', () => {
    expect(entry.includes(SURVEY_CORE_MARK)).toBe(false)
    const withSurveyCore = readdirSync(ASSETS).filter(
      (file) =>
        file.endsWith('.js') && readFileSync(join(ASSETS, file), 'utf8').includes(SURVEY_CORE_MARK),
    )
    expect(withSurveyCore.length).toBeGreaterThan(0)
  })
})
