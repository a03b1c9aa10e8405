import { roundForDisplay, type SourceKey, type UnitEvaluation } from '@yardstick/sdk'
import { useI18n } from '../i18n/I18nProvider'
import { keyedPath, type PreviewResult, type SampleUnit } from './policy'
import { policyIssueText } from './policy-text'
import { useSourceName } from './SourceNames'

/**
 * The rules at work on editable sample branches: each sample's numbers per enabled source, and
 * the grade, stars and rank the SDK's `evaluate` gives them — recomputed on every keystroke.
 */
export function PolicyPreview({
  samples,
  sources,
  preview,
  onChange,
}: {
  samples: SampleUnit[]
  sources: SourceKey[]
  preview: PreviewResult
  onChange: (samples: SampleUnit[]) => void
}) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const set = (index: number, patch: Partial<SampleUnit>) =>
    onChange(samples.map((s, i) => (i === index ? { ...s, ...patch } : s)))
  const setNumber = (index: number, field: 'values' | 'counts', key: SourceKey, text: string) => {
    const sample = samples[index]
    if (sample) set(index, { [field]: { ...sample[field], [key]: text } })
  }
  const result = (unit: UnitEvaluation | undefined) => {
    if (!unit) return ''
    if (unit.incomplete) return unit.incomplete.message[locale === 'en' ? 'en' : 'zh-CN']
    const text = t('policyPreview.result', {
      composite: roundForDisplay(unit.composite, 1) ?? '',
      grade: unit.grade,
      rank: unit.rank,
    })
    const stars = unit.stars ? ` ${'★'.repeat(unit.stars)}` : ''
    const note = unit.vetoed
      ? ` · ${t('results.vetoed')}`
      : unit.demoted
        ? ` · ${t('results.demoted')}`
        : ''
    return `${text}${stars}${note}`
  }
  return (
    <section className="card policy-preview" aria-labelledby="policy-preview-title">
      <h2 id="policy-preview-title">{t('policyPreview.title')}</h2>
      <p className="hint">{t('policyPreview.hint')}</p>
      <div className="preview-scroll">
        <table className="data-table compact preview-table">
          <thead>
            <tr>
              <th scope="col">{t('policyPreview.col.unit')}</th>
              {sources.map((key) => (
                <th scope="col" key={key}>
                  {nameOf(key)}
                </th>
              ))}
              <th scope="col">{t('policyPreview.col.veto')}</th>
              <th scope="col">{t('policyPreview.col.result')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {samples.map((sample, i) => {
              const unit = preview.ok ? preview.units[i] : undefined
              return (
                <tr key={i} data-sample={i + 1}>
                  <th scope="row">{sample.name}</th>
                  {sources.map((key) => {
                    const names = { unit: sample.name, source: nameOf(key) }
                    return (
                      <td key={key} className="sample-cell">
                        <input
                          type="number"
                          className="narrow"
                          step="any"
                          aria-label={t('policyPreview.value', names)}
                          value={sample.values[key] ?? ''}
                          onChange={(e) => setNumber(i, 'values', key, e.target.value)}
                        />
                        ×
                        <input
                          type="number"
                          className="narrow"
                          min={0}
                          step={1}
                          aria-label={t('policyPreview.count', names)}
                          value={sample.counts[key] ?? ''}
                          onChange={(e) => setNumber(i, 'counts', key, e.target.value)}
                        />
                      </td>
                    )
                  })}
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('policyPreview.veto', { unit: sample.name })}
                      checked={sample.vetoed}
                      onChange={(e) => set(i, { vetoed: e.target.checked })}
                    />
                  </td>
                  <td className="preview-result" data-grade={unit?.grade ?? ''}>
                    {result(unit)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('policyPreview.removeSample', { unit: sample.name })}
                      onClick={() => onChange(samples.filter((_, j) => j !== i))}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {!preview.ok && (
        <p className="error" role="alert">
          {t('policyPreview.invalid', {
            message: policyIssueText(
              { code: preview.issue.code, path: keyedPath(preview.issue.path, sources) },
              t,
            ),
          })}
        </p>
      )}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...samples,
            {
              name: `${t('policyPreview.sample')} ${samples.length + 1}`,
              values: { self: '80', members: '80', superior: '80' },
              counts: { self: '1', members: '10', superior: '1' },
              vetoed: false,
            },
          ])
        }
      >
        {t('policyPreview.addSample')}
      </button>
    </section>
  )
}
