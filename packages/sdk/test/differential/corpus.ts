import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { FormJson } from '../../src/types'

/** Where a corpus form was found: a file at a commit of a public SurveyJS repository. */
export interface CorpusSource {
  repo: string
  path: string
  commit: string
  line: number
}

/** One real SurveyJS form of the differential corpus (rebuilt by `build-corpus.mjs`). */
export interface CorpusForm {
  /** First 16 hex digits of the SHA-1 of the form's sorted-key JSON: stable across rebuilds. */
  id: string
  source: CorpusSource
  json: FormJson
}

const CORPUS = new URL('./corpus.jsonl.gz', import.meta.url)

/**
 * Every form of the corpus, in a fresh copy per call (a test may mutate its forms; the SDK caches
 * plans per form object, so each call gives new objects).
 */
export function loadCorpus(): CorpusForm[] {
  const text = gunzipSync(readFileSync(CORPUS)).toString('utf8')
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusForm)
}
