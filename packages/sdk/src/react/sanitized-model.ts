import { type PageModel, type Question, SurveyModel, surveyLocalization } from 'survey-core'
import '../extensions'
import { personalize } from '../draw'
import type { Answers, FormJson } from '../types'
import { escapeHtml, sanitizeHtml } from './sanitize'

/**
 * A SurveyJS model whose produced HTML always passes through `sanitizeHtml`.
 *
 * Values piped into HTML by `processHtml` go in as text (escaped). It hooks what every HTML
 * string goes through *after* text processing: `processHtml`
 * (completed, completed-before and loading pages, `html` questions) and `getSurveyMarkdownHtml`
 * (whatever `onTextMarkdown` handlers return). The `onProcessHtml` event is not enough:
 * survey-core 3.1.1 fires it before `{question}` piping, so a handler sees the template, not the
 * answers piped into it. One more sink bypasses both: see `guardNavigationTitle`.
 *
 * @example
 * const model = new SanitizedModel({ completedHtml: '<p>{name}</p>' })
 * model.data = { name: '<img src=x onerror=alert(1)>' }
 * model.processedCompletedHtml // the answer arrives as text, not as an element
 */
export class SanitizedModel extends SurveyModel {
  /** Set while `processHtml` pipes values into HTML: they go in as text. */
  private pipingIntoHtml = false

  constructor(...args: ConstructorParameters<typeof SurveyModel>) {
    super(...args)
    // An answer piped into authored HTML (`{q}` in an `html` question or the completed page) is
    // text: DOMPurify alone would keep the markup it carries (a remote image, a link that looks
    // like the form's own), which one co-filler's answer would show to the others.
    this.onProcessDynamicText.add((_, value) => {
      if (this.pipingIntoHtml && typeof value.value === 'string') {
        value.value = escapeHtml(value.value)
      }
    })
  }

  override processHtml(html: string, reason?: string): string {
    this.pipingIntoHtml = true
    try {
      return sanitizeHtml(super.processHtml(html, reason))
    } finally {
      this.pipingIntoHtml = false
    }
  }

  override getSurveyMarkdownHtml(
    ...args: Parameters<SurveyModel['getSurveyMarkdownHtml']>
  ): string {
    const html = super.getSurveyMarkdownHtml(...args)
    // No handler converted the text: SurveyJS then renders it as text, which is safe.
    return html ? sanitizeHtml(html) : html
  }

  override questionAdded(
    question: Question,
    index: number,
    parentPanel: unknown,
    rootPanel: unknown,
  ): void {
    super.questionAdded(question, index, parentPanel, rootPanel)
    // An `html` question pipes `{q}` through its own text processor before `processHtml`, past
    // the escaping above; leave the piping to `processHtml`, which escapes.
    if (question.getType() === 'html') question.getProcessedText = (text: string) => text
  }

  protected override doOnPageAdded(page: PageModel): void {
    super.doOnPageAdded(page)
    guardNavigationTitle(page)
  }
}

const guarded = new WeakSet<PageModel>()

/**
 * A page without a `navigationTitle` (shown in the table of contents and the progress buttons)
 * hands SurveyJS its title's *text*, after piping, or its name, as the navigation title's HTML
 * (survey-core 3.1.1 `PanelModelBase.getMarkdownHtml`). Encode that text as text.
 */
function guardNavigationTitle(page: PageModel): void {
  if (guarded.has(page)) return
  guarded.add(page)
  const getMarkdownHtml = page.getMarkdownHtml.bind(page)
  page.getMarkdownHtml = (text, name, item) => {
    const html = getMarkdownHtml(text, name, item)
    const fromText =
      name === 'navigationTitle' && page.locNavigationTitle.isEmpty && !page.locTitle.hasHtml
    return fromText && html ? escapeHtml(html) : html
  }
}

/** Options of `createSurveyModel`. */
export interface SurveyModelOptions {
  /** Identifies the respondent; with it, every question bank (`drawCount`) is drawn for them. */
  seed?: string
  /** Answers to start from, question name → value. */
  answers?: Answers
  /** SurveyJS locale code; default 'zh-cn'. */
  locale?: string
}

/**
 * The sanitising SurveyJS model one respondent fills in: banks drawn for `seed` (see
 * `personalize`), `locale` set, `answers` pre-filled. Without a seed a bank shows whole, as in
 * a designer's preview.
 *
 * @example
 * const model = createSurveyModel(templates.quiz, { seed: 'member-42', answers: { name: '张三' } })
 */
export function createSurveyModel(
  form: FormJson,
  { seed, answers, locale = 'zh-cn' }: SurveyModelOptions = {},
): SanitizedModel {
  const model = new SanitizedModel(seed === undefined ? form : personalize(form, seed))
  setSurveyLocale(model, locale)
  if (answers) model.mergeData(answers)
  return model
}

/**
 * Sets a survey's locale so that it sticks even when it is SurveyJS's default locale (zh-cn once
 * `@yardstick/sdk` is loaded). `model.locale = 'zh-cn'` would store '' for the default, and
 * survey-react-ui then marks the form `lang="en"` (`survey.locale || "en"`): wrong for screen
 * readers and for the browser's choice of Chinese glyphs.
 *
 * @example
 * setSurveyLocale(model, 'zh-cn')
 * model.locale // 'zh-cn'
 */
export function setSurveyLocale(model: SurveyModel, locale: string): void {
  if (locale === surveyLocalization.defaultLocale) model.setPropertyValue('locale', locale)
  else model.locale = locale
}
