import type { SurveyModel } from 'survey-core'

/**
 * Prints every page of the form, not only the one on screen: all questions on one page while
 * the browser prints, then back to the page the respondent was on.
 *
 * @returns a function that stops following print
 * @example
 * const stop = printWholeForm(model, window)
 */
export function printWholeForm(model: SurveyModel, target: Window): () => void {
  let page = 0
  const before = () => {
    page = model.currentPageNo
    model.questionsOnPageMode = 'singlePage'
  }
  const after = () => {
    model.questionsOnPageMode = 'standard'
    model.currentPageNo = page
  }
  target.addEventListener('beforeprint', before)
  target.addEventListener('afterprint', after)
  return () => {
    target.removeEventListener('beforeprint', before)
    target.removeEventListener('afterprint', after)
  }
}
