import type { QuestionHtmlModel } from 'survey-core'
import { describe, expect, it } from 'vitest'
import { templates } from '../templates'
import type { FormJson } from '../types'
import { createSurveyModel } from './sanitized-model'

const PAYLOAD = '<img src=x onerror=alert(1)>'
const LIVE = /<img[^>]*onerror/i

const form: FormJson = {
  completedHtml: '<p>谢谢，{name}</p>',
  pages: [
    {
      name: 'p1',
      title: '页：{name}',
      elements: [
        { type: 'text', name: 'name', title: '称呼：{name}' },
        { type: 'html', name: 'echo', html: '<p>{name}</p>' },
      ],
    },
  ],
}

describe('createSurveyModel', () => {
  it('an answer piped into completedHtml cannot become an element with a handler', () => {
    const model = createSurveyModel(form, { answers: { name: PAYLOAD } })
    expect(model.processedCompletedHtml).toContain('谢谢')
    expect(model.processedCompletedHtml).not.toMatch(LIVE)
  })

  it('an answer piped into an html question cannot become an element with a handler', () => {
    const model = createSurveyModel(form, { answers: { name: PAYLOAD } })
    const echo = model.getQuestionByName('echo') as QuestionHtmlModel
    expect(echo.locHtml.renderedHtml).not.toMatch(LIVE)
  })

  it('what a Markdown handler returns is sanitised after piping', () => {
    const model = createSurveyModel(form, { answers: { name: PAYLOAD } })
    model.onTextMarkdown.add((_, options) => {
      options.html = options.text
    })
    const title = model.getQuestionByName('name').locTitle
    expect(title.hasHtml).toBe(true)
    expect(title.renderedHtml).not.toMatch(LIVE)
  })

  it("a page's piped title shown as its navigation title (TOC) is encoded as text", () => {
    const model = createSurveyModel(form, { answers: { name: PAYLOAD } })
    const page = model.getPageByName('p1')
    expect(page.locNavigationTitle.renderedHtml).toBe('页：&lt;img src=x onerror=alert(1)&gt;')
  })

  it("keeps zh-cn as the survey's locale even though it is SurveyJS's default", () => {
    expect(createSurveyModel(form).locale).toBe('zh-cn')
    expect(createSurveyModel(form, { locale: 'en' }).locale).toBe('en')
  })

  it('draws the quiz bank for a seed, and shows it whole without one', () => {
    const bank = (seed?: string) =>
      createSurveyModel(templates.quiz, { seed }).getPageByName('bank').questions.length
    expect(bank('member-42')).toBe(30)
    expect(bank()).toBe(templates.quiz.pages?.[1]?.elements?.length)
  })
})
