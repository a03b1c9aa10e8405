import type { SurveyModel } from 'survey-core'
import { TEXT } from '../i18n'

const fitted = new WeakSet<SurveyModel>()

/**
 * 长辈版's way through a form: one question per page, the question as the page's heading (an
 * `h2` under the campaign's `h1`), "返回上一题" to go back and "继续" to go on, in both
 * languages. Off, the form is as designed (its own pages, SurveyJS's own button texts).
 * Switching keeps the answers: only how the questions are laid out changes.
 *
 * @example
 * answerOnePerPage(model, true)
 */
export function answerOnePerPage(model: SurveyModel, on: boolean): void {
  if (!fitted.has(model)) {
    fitted.add(model)
    model.onGetTitleTagName.add((_, options) => {
      if (model.questionsOnPageMode === 'questionPerPage' && options.element.isQuestion)
        options.tagName = 'h2'
    })
  }
  // SurveyJS's own locale codes for the page's two languages.
  const locales = [
    ['zh-cn', TEXT['zh-CN']],
    ['en', TEXT.en],
  ] as const
  for (const [code, text] of locales) {
    model.locPagePrevText.setLocaleText(code, on ? text.back : '')
    model.locPageNextText.setLocaleText(code, on ? text.next : '')
  }
  model.questionsOnPageMode = on ? 'questionPerPage' : 'standard'
}
