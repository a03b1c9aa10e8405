import { useId } from 'react'
import type { Participation } from '../api/campaign-office'
import { useI18n } from '../i18n/I18nProvider'
import { useSourceName } from './SourceNames'

/**
 * Per source, over the branches listed: how many are done, partly done and not begun, and the
 * responses against those expected; with the rule that says what is expected of each source.
 */
export function ParticipationSummary({ summary }: { summary: Participation['summary'] }) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const id = useId()
  return (
    <section className="card participation" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('results.participation')}</h2>
      <ul className="participation-sources">
        {summary.map((s) => (
          <li key={s.source} data-source={s.source}>
            <strong>{nameOf(s.source)}</strong>：
            {t('office.summary', {
              complete: s.complete,
              units: s.units,
              partial: s.partial,
              none: s.none,
              answered: s.answered,
              expected: s.expected,
            })}
            <div className="meter-row">
              <meter
                min={0}
                max={Math.max(1, s.units)}
                value={s.complete}
                aria-label={t('office.completeShare', { source: nameOf(s.source) })}
              />
            </div>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('office.expectedRule')}</summary>
        <ul className="rules">
          <li>{t('office.expected.selfCheck')}</li>
          <li>{t('office.expected.tokens')}</li>
          <li>{t('office.expected.minResponses')}</li>
          <li>{t('office.expected.one')}</li>
          <li>{t('office.expected.none')}</li>
        </ul>
      </details>
    </section>
  )
}
