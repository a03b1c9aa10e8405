import type { UnitResult } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { useSourceName } from './SourceNames'

/**
 * The instruments a unit answered the given sources on (its branch type's form, or the default),
 * one short muted line: what a ranking of units on different forms says beside each type.
 */
export function InstrumentsUsed({
  unit,
  sources,
}: {
  unit: Pick<UnitResult, 'instruments'>
  sources: readonly string[]
}) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const used = unit.instruments.filter((instrument) => sources.includes(instrument.source))
  if (used.length === 0) return null
  const text = used
    .map((instrument) =>
      t('instruments.usedBy', {
        source: nameOf(instrument.source),
        title: instrument.title,
      }),
    )
    .join(' · ')
  return (
    <span className="instrument-used muted" title={text}>
      {text}
    </span>
  )
}
