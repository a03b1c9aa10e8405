import type { Locale } from '@yardstick/sdk/link'
import { useEffect, useRef, useState } from 'react'
import type { Question, SurveyModel } from 'survey-core'
import { TEXT } from '../i18n'
import { afterEachCheck } from './checks'

/** Props of `ErrorSummary`. */
export interface ErrorSummaryProps {
  model: SurveyModel
  locale: Locale
  /** Changes when errors were put on the questions from outside a check (the server's). */
  recheck: number
  /** Told whether errors are listed (the page's title starts with 错误： while they are). */
  onShown: (shown: boolean) => void
}

interface Listed {
  question: Question
  message: string
}

/** The questions of the form showing an error now, in order. */
function withErrors(model: SurveyModel): Listed[] {
  return model
    .getAllQuestions(true)
    .filter((question) => question.errors.length > 0)
    .map((question) => ({
      question,
      message: question.errors.map((error) => error.getText()).join(' '),
    }))
}

/**
 * After a submit (or 继续) that found errors: a box at the top that takes the focus, says how
 * many answers need changing and links each question, which a tap focuses. SurveyJS's own
 * errors under the questions stay (text and a tinted box, not colour alone); its own focus on
 * the first error is turned off (`afterEachCheck`) so this box gets it. The list follows the answers: a question put
 * right leaves it, and the box goes once none is left.
 *
 * @example
 * <ErrorSummary model={model} locale="zh-CN" recheck={n} onShown={setInvalid} />
 */
export function ErrorSummary({ model, locale, recheck, onShown }: ErrorSummaryProps) {
  const text = TEXT[locale]
  const [listed, setListed] = useState<Listed[]>([])
  // Bumped on each check that found errors: the box takes the focus again each time.
  const [checked, setChecked] = useState(0)
  const box = useRef<HTMLElement>(null)
  const shown = useRef(onShown)
  shown.current = onShown

  useEffect(() => {
    const validated = () => {
      const found = withErrors(model)
      setListed(found)
      if (found.length > 0) setChecked((n) => n + 1)
    }
    const follow = () => setListed((now) => (now.length > 0 ? withErrors(model) : now))
    const clear = () => setListed([])
    const stop = afterEachCheck(model, validated)
    model.onValueChanged.add(follow)
    model.onCurrentPageChanged.add(clear)
    model.onComplete.add(clear)
    return () => {
      stop()
      model.onValueChanged.remove(follow)
      model.onCurrentPageChanged.remove(clear)
      model.onComplete.remove(clear)
    }
  }, [model])

  useEffect(() => {
    if (recheck === 0) return
    const found = withErrors(model)
    setListed(found)
    if (found.length > 0) setChecked((n) => n + 1)
  }, [model, recheck])

  useEffect(() => {
    if (checked === 0) return
    // After React has drawn the box (and SurveyJS its errors).
    const frame = window.requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.scrollIntoView({ block: 'start' })
    })
    return () => window.cancelAnimationFrame(frame)
  }, [checked])

  const any = listed.length > 0
  useEffect(() => shown.current(any), [any])
  useEffect(() => () => shown.current(false), [])

  if (!any) return null
  return (
    <section
      ref={box}
      className="rs-error-summary"
      aria-labelledby="rs-error-summary"
      tabIndex={-1}
      data-page="errors"
    >
      <h2 id="rs-error-summary">{text.errorSummary}</h2>
      <p>{text.errorCount(listed.length)}</p>
      <ul>
        {listed.map(({ question, message }) => (
          <li key={question.id}>
            <a
              href={`#${question.id}`}
              onClick={(event) => {
                event.preventDefault()
                question.focus(true)
              }}
            >
              {question.processedTitle || question.name}
            </a>
            <span className="rs-error-message">{message}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
