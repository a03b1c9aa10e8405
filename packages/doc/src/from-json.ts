import * as Y from 'yjs'
import type { SurveyJson } from './layout'
import { FIELD, formTypes, LAYOUT_VERSION, ROOT } from './layout'
import { isPlainObject } from './values'
import { writeObject } from './write'

/**
 * Lays a SurveyJS form JSON out as a Y.Doc (SPEC [DOC1]–[DOC9]), in one transaction. Seed a
 * form once (on the server, when it is created): two seeds of one form make two copies of every
 * question, because ids are random.
 *
 * @param json - the form (a plain object); it is copied, never kept or changed
 * @param doc - an empty doc to fill (default: a new one)
 * @param origin - the transaction origin (default: `null`)
 * @returns the filled doc
 * @throws TypeError when `json` is not an object or `doc` already holds a form
 * @example
 * const doc = fromSurveyJson(templates.selfCheck)
 * toSurveyJson(doc) // deep-equals templates.selfCheck
 */
export function fromSurveyJson(
  json: SurveyJson,
  doc: Y.Doc = new Y.Doc(),
  origin?: unknown,
): Y.Doc {
  if (!isPlainObject(json)) throw new TypeError('fromSurveyJson: the form must be a JSON object')
  const types = formTypes(doc)
  if (types.survey.size > 0 || types.elements.size > 0 || types.items.size > 0) {
    throw new TypeError('fromSurveyJson: the doc already holds a form')
  }
  doc.transact(() => {
    types.survey.set(FIELD.version, LAYOUT_VERSION)
    writeObject(types, { id: ROOT, kind: 'survey', map: types.survey }, json)
  }, origin ?? null)
  return doc
}
