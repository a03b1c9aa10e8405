import { roundForDisplay } from '@yardstick/sdk'
import { type ReactNode, useId } from 'react'
import type { UnitScorecard } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import './assess.css'

/**
 * A branch's superior scorecards on its detail page (上级考评): each assessor (unless the source
 * is anonymous), when, the percent, and every deduction and veto with the reason given for it;
 * `itemAction` adds a last column to each item (the office raises a rectification from it).
 */
export function ScorecardReasons({
  scorecards,
  itemAction,
}: {
  scorecards: UnitScorecard[]
  itemAction?: (scorecardId: number, question: string) => ReactNode
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-section="scorecards">
      <h2 id={`${id}-title`}>{t('scorecards.title', { n: scorecards.length })}</h2>
      {scorecards.length === 0 && <p className="muted">{t('scorecards.none')}</p>}
      <ol className="scorecard-reasons">
        {scorecards.map((card) => {
          const when = time.format(new Date(card.createdAt))
          return (
            <li key={card.id} data-response={card.id}>
              <h3>
                {card.respondent === null
                  ? t('scorecards.anonymous', { time: when })
                  : t('scorecards.by', { name: card.respondent, time: when })}
              </h3>
              <p className="muted">
                {t('scorecards.percent', { percent: roundForDisplay(card.percent, 1) ?? '—' })}
                {card.veto && <strong className="error"> · {t('scorecards.vetoed')}</strong>}
              </p>
              {card.items.length === 0 ? (
                <p className="muted">{t('scorecards.noItems')}</p>
              ) : (
                <div className="table-scroll">
                  <table className="data-table compact">
                    <thead>
                      <tr>
                        <th scope="col">{t('scorecards.col.item')}</th>
                        <th scope="col">{t('scorecards.col.points')}</th>
                        <th scope="col">{t('scorecards.col.reason')}</th>
                        {itemAction && <th scope="col">{t('deduction.col')}</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {card.items.map((item) => (
                        <tr key={item.question} data-question={item.question}>
                          <th scope="row">{item.title[lang]}</th>
                          <td>
                            {item.veto
                              ? t('scorecards.veto')
                              : `−${roundForDisplay(item.deducted, 1)}`}
                          </td>
                          <td className="reason">
                            {item.reason ?? (
                              <span className="muted">{t('scorecards.noReason')}</span>
                            )}
                          </td>
                          {itemAction && <td>{itemAction(card.id, item.question)}</td>}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
