import type { PageModel, SurveyModel } from 'survey-core'

type Listener = () => void

const listeners = new WeakMap<SurveyModel, Set<Listener>>()

/** survey-core's page check, beneath `validatePage` (not in its typings). */
interface PageCheck {
  validatePageCore(page: PageModel, focus: boolean, onAsync?: (hasErrors: boolean) => void): boolean
}

/**
 * Calls `listener` after each check of the answers SurveyJS makes when the respondent moves on
 * (提交, the next page, and 继续 in one-question-per-page mode), and stops SurveyJS moving the
 * focus to the first error, so that the page's error summary can take it. Returns the way to
 * stop listening.
 *
 * Two gaps of survey-core 3.1.1 are filled on the model: `validatePage` focuses the first error
 * whatever `autoFocusFirstError` says, and a one-question-per-page 继续 (`performNext`) fires no
 * event at all.
 *
 * @example
 * const stop = afterEachCheck(model, () => console.log(model.currentPage.hasErrors(false)))
 */
export function afterEachCheck(model: SurveyModel, listener: Listener): () => void {
  let set = listeners.get(model)
  if (!set) {
    const added = new Set<Listener>()
    set = added
    listeners.set(model, added)
    const fire = () => {
      for (const each of added) each()
    }
    model.autoFocusFirstError = false
    const core = model as unknown as PageCheck
    model.validatePage = (page, onAsync) => {
      const checked = page ?? model.activePage
      return checked ? core.validatePageCore(checked, false, onAsync) : true
    }
    model.onValidatePage.add(fire)
    const performNext = model.performNext.bind(model)
    model.performNext = () => {
      const moved = performNext()
      if (!moved && model.currentSingleElement) fire()
      return moved
    }
  }
  set.add(listener)
  return () => set.delete(listener)
}
