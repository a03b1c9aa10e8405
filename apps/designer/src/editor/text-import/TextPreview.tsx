import { type ElementJson, type FormJson, localizedText } from '@yardstick/sdk'
import { useI18n } from '../../i18n/I18nProvider'
import { typeKey } from '../labels'

/** The questions a read form has: its 问题清单 entries and paragraphs are not counted. */
export function questionCount(form: FormJson): number {
  return (form.pages ?? [])
    .flatMap((page) => page.elements ?? [])
    .filter((e) => e.type !== 'html' && e.problemOf === undefined).length
}

function choiceText(choice: unknown, locale: string): string {
  if (typeof choice !== 'object' || choice === null) return String(choice)
  const { text, value } = choice as { text?: never; value?: unknown }
  return localizedText(text, locale, String(value))
}

/** A paragraph's words without its markup (the parser writes `<p>` lines, escaped). */
function paragraphText(element: ElementJson): string {
  const html = typeof element.html === 'string' ? element.html : ''
  // DOMParser's document runs no script and loads no image: the text is only read.
  const parsed = new DOMParser().parseFromString(html.replace(/<\/p>/g, '\n'), 'text/html')
  return parsed.body.textContent ?? ''
}

/** The form a text reads as, in outline: pages, numbered questions, their type and options. */
export function TextPreview({ form }: { form: FormJson }) {
  const { t, locale } = useI18n()
  const title = localizedText(form.title, locale)
  return (
    <div className="text-preview" data-testid="text-import-preview">
      {title && <h4>{title}</h4>}
      {(form.pages ?? []).map((page, p) => (
        <section key={page.name ?? p}>
          <h5>{localizedText(page.title, locale) || t('textImport.page', { n: p + 1 })}</h5>
          <ul>
            {(page.elements ?? []).map((element) => {
              const key = typeKey(element.type)
              if (element.type === 'html')
                return (
                  <li key={element.name} className="muted">
                    {paragraphText(element)}
                  </li>
                )
              const options = element.choices ?? element.columns ?? []
              return (
                <li key={element.name} data-name={element.name}>
                  <strong>{localizedText(element.title, locale)}</strong>{' '}
                  <span className="muted">
                    {key ? t(key) : element.type}
                    {element.isRequired ? ' *' : ''}
                  </span>
                  {Array.isArray(options) && options.length > 0 && (
                    <span className="muted">
                      {' '}
                      ·{' '}
                      {(options as unknown[])
                        .map((choice) => choiceText(choice, locale))
                        .join(' / ')}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
