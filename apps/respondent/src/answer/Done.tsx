import type { LinkDone } from '@yardstick/sdk/react'
import type { Question } from 'survey-core'
import { TEXT } from '../i18n'

function rounded(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** The text of a choice value (or values) of a question, as the respondent read it. */
function answerText(question: Question | null, value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  const values = Array.isArray(value) ? value : [value]
  const choices = (question as { choices?: Array<{ value: unknown; text: string }> } | null)
    ?.choices
  return values
    .map((v) => choices?.find((choice) => choice.value === v)?.text ?? String(v))
    .join('、')
}

/**
 * After the server stored the response: thanks, the score where the campaign shows it (a
 * quiz's count of correct answers with it), and for a quiz the correct answer beside the
 * respondent's for each question drawn, where the campaign allows.
 *
 * @example
 * <LinkSurvey … renderDone={(done) => <Done {...done} />} />
 */
export function Done({ submitted, model, locale }: LinkDone) {
  const text = TEXT[locale]
  const { score, review } = submitted
  const correct = review?.filter((item) => item.correct).length ?? 0
  return (
    <section className="rs-message rs-done" data-page="done" aria-labelledby="rs-done">
      <h2 id="rs-done">{text.doneTitle}</h2>
      <p role="status">{text.thanks}</p>
      {score && (
        <p className="rs-score">
          {text.score(rounded(score.score), rounded(score.maxScore), rounded(score.percent))}
          {score.quiz && !review && ` ${text.quizCorrect(score.quiz.correct, score.quiz.drawn)}`}
        </p>
      )}
      {review && review.length > 0 && (
        <section className="rs-review" aria-labelledby="rs-review">
          <h3 id="rs-review">{text.reviewTitle}</h3>
          <p className="rs-review-summary">{text.quizCorrect(correct, review.length)}</p>
          <ol>
            {review.map((item) => {
              const question = model?.getQuestionByName(item.question) ?? null
              const given = answerText(question, model?.data[item.question])
              return (
                <li
                  key={item.question}
                  className={item.correct ? 'rs-right' : 'rs-wrong'}
                  data-question={item.question}
                >
                  <p className="rs-review-title">{question?.title ?? item.question}</p>
                  <p>
                    <span className="rs-mark">{item.correct ? text.right : text.wrong}</span>
                    {text.yourAnswer}
                    {given || text.unanswered}
                  </p>
                  {!item.correct && (
                    <p>
                      {text.correctAnswer}
                      {answerText(question, item.correctAnswer)}
                    </p>
                  )}
                </li>
              )
            })}
          </ol>
        </section>
      )}
      <div className="rs-actions rs-no-print">
        <button type="button" className="rs-button" onClick={() => window.print()}>
          {text.print}
        </button>
      </div>
    </section>
  )
}
