import {
  type Answers,
  type FormJson,
  localizedText,
  type ScoreResult,
  scoreResponse,
} from '@yardstick/sdk'
import { useMemo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'

const round1 = (n: number) => Math.round(n * 10) / 10

/** What `scoreResponse` gives for the preview's answers: total, dimensions, veto, problems. */
export function ScorePanel({ json, answers }: { json: FormJson; answers: Answers }) {
  const { t, locale } = useI18n()
  const result = useMemo<{ score?: ScoreResult; error?: Error }>(() => {
    try {
      return { score: scoreResponse(json, answers, { locale }) }
    } catch (error) {
      return { error: error as Error }
    }
  }, [json, answers, locale])

  if (result.error) {
    return (
      <section className="score-panel" aria-label={t('score.label')}>
        <p className="error">{t('score.failed', { message: result.error.message })}</p>
      </section>
    )
  }
  const score = result.score
  if (!score) return null
  const titles = new Map(
    (json.dimensions ?? []).map((d) => [d.name, localizedText(d.title, locale) || d.name]),
  )
  const dimensions = Object.entries(score.dimensions)
  return (
    <section className="score-panel" aria-label={t('score.label')} data-testid="score">
      <h3>{t('score.label')}</h3>
      <p className="score-total">
        {t('score.total', {
          score: round1(score.score),
          max: round1(score.maxScore),
          percent: round1(score.percent),
        })}
      </p>
      {score.veto && (
        <p className="error" role="status">
          {t('score.veto')}
        </p>
      )}
      {score.satisfaction && (
        <p>
          {t('score.satisfaction', {
            rate: round1(score.satisfaction.rate * 100),
            satisfied: score.satisfaction.satisfied,
            answered: score.satisfaction.answered,
            index: round1(score.satisfaction.index),
          })}
        </p>
      )}
      {score.quiz && <p>{t('score.quiz', score.quiz)}</p>}
      {dimensions.length > 0 && (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('score.dimension')}</th>
              <th scope="col">{t('score.score')}</th>
              <th scope="col">{t('score.max')}</th>
              <th scope="col">{t('score.percent')}</th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map(([name, part]) => (
              <tr key={name}>
                <th scope="row">{titles.get(name) ?? name}</th>
                <td>{round1(part.score)}</td>
                <td>{round1(part.maxScore)}</td>
                <td>{round1(part.percent)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {score.problems.length > 0 && (
        <details>
          <summary>{t('score.problems', { n: score.problems.length })}</summary>
          <ul>
            {score.problems.map((p) => (
              <li key={p.question}>
                {p.title}
                {p.note ? `：${p.note}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
