import { useId, useState } from 'react'
import type { VersionSummary } from '../../api/types'
import { useI18n } from '../../i18n/I18nProvider'
import { type DiffSide, VersionDiffView } from './VersionDiffView'

const parseSide = (value: string): DiffSide => (value === 'current' ? 'current' : Number(value))

/**
 * Compares any two versions (or a version with the current, unpublished form): two pickers,
 * oldest-to-newest by default from the previous version to the latest.
 */
export function ComparePicker({
  formId,
  versions,
}: {
  formId: number
  versions: readonly VersionSummary[]
}) {
  const { t } = useI18n()
  const id = useId()
  const numbers = versions.map((v) => v.version).sort((a, b) => b - a)
  const [from, setFrom] = useState<DiffSide>(numbers[1] ?? numbers[0] ?? 1)
  const [to, setTo] = useState<DiffSide>(numbers[0] ?? 'current')
  const [shown, setShown] = useState<[DiffSide, DiffSide] | null>(null)
  const options = (
    <>
      <option value="current">{t('versions.current')}</option>
      {numbers.map((n) => (
        <option key={n} value={n}>
          {t('versions.version', { n })}
        </option>
      ))}
    </>
  )
  return (
    <section className="compare-picker" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('versions.compareAny')}</h3>
      <div className="compare-controls">
        <label htmlFor={`${id}-from`}>{t('versions.from')}</label>
        <select
          id={`${id}-from`}
          value={String(from)}
          onChange={(e) => setFrom(parseSide(e.target.value))}
        >
          {options}
        </select>
        <label htmlFor={`${id}-to`}>{t('versions.to')}</label>
        <select
          id={`${id}-to`}
          value={String(to)}
          onChange={(e) => setTo(parseSide(e.target.value))}
        >
          {options}
        </select>
        <button type="button" onClick={() => setShown([from, to])}>
          {t('versions.showDiff')}
        </button>
      </div>
      {shown && <VersionDiffView formId={formId} a={shown[0]} b={shown[1]} />}
    </section>
  )
}
