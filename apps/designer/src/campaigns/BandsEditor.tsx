import { useId } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import type { BandDraft, PolicyDraft } from './policy'

/**
 * The grade bands (high to low: grade, minimum composite, stars) and the quota (one grade held
 * by at most a share of graded units).
 */
export function BandsEditor({
  draft,
  issues,
  onChange,
}: {
  draft: Pick<PolicyDraft, 'bands' | 'quotaGrade' | 'quotaShare'>
  issues: Issues
  onChange: (patch: Partial<PolicyDraft>) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const setBand = (index: number, patch: Partial<BandDraft>) =>
    onChange({ bands: draft.bands.map((b, i) => (i === index ? { ...b, ...patch } : b)) })
  const grades = draft.bands.map((b) => b.grade.trim()).filter(Boolean)
  return (
    <>
      <table className="data-table compact bands">
        <tbody>
          {draft.bands.map((band, i) => {
            const n = i + 1
            const at = (field: string) => issueAt(issues, `bands.${i}.${field}`)
            const issue = at('grade') ?? at('min') ?? at('stars') ?? issues[`bands.${i}`]
            return (
              <tr key={i} data-band={n}>
                <td>
                  <input
                    aria-label={t('campaignNew.bandGrade', { n })}
                    value={band.grade}
                    maxLength={50}
                    aria-invalid={at('grade') !== undefined}
                    aria-describedby={`${id}-${i}-issue`}
                    onChange={(e) => setBand(i, { grade: e.target.value })}
                  />
                </td>
                <td>
                  ≥{' '}
                  <input
                    aria-label={t('campaignNew.bandMin', { n })}
                    type="number"
                    step="any"
                    className="narrow"
                    value={band.min}
                    aria-invalid={at('min') !== undefined}
                    aria-describedby={`${id}-${i}-issue`}
                    onChange={(e) => setBand(i, { min: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('campaignNew.bandStars', { n })}
                    value={band.stars}
                    onChange={(e) => setBand(i, { stars: e.target.value })}
                  >
                    <option value="">{t('results.noStars')}</option>
                    {[1, 2, 3, 4, 5].map((s) => (
                      <option key={s} value={s}>
                        {'★'.repeat(s)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('campaignNew.removeBand', { n })}
                    disabled={draft.bands.length <= 1}
                    onClick={() => onChange({ bands: draft.bands.filter((_, j) => j !== i) })}
                  >
                    ✕
                  </button>
                  <FieldIssue id={`${id}-${i}-issue`} message={issue} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onChange({ bands: [...draft.bands, { min: '0', grade: '', stars: '' }] })}
      >
        {t('campaignNew.addBand')}
      </button>
      <div className="field-row quota">
        <div className="field">
          <label htmlFor={`${id}-qg`}>{t('campaignNew.quotaGrade')}</label>
          <select
            id={`${id}-qg`}
            value={draft.quotaGrade}
            onChange={(e) => onChange({ quotaGrade: e.target.value })}
          >
            <option value="">{t('campaignNew.noQuota')}</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-qs`}>{t('campaignNew.quotaShare')}</label>
          <input
            id={`${id}-qs`}
            type="number"
            min={0}
            max={100}
            step="any"
            value={draft.quotaShare}
            disabled={!draft.quotaGrade}
            aria-invalid={issueAt(issues, 'quota') !== undefined}
            aria-describedby={`${id}-q-issue`}
            onChange={(e) => onChange({ quotaShare: e.target.value })}
          />
          <FieldIssue id={`${id}-q-issue`} message={issueAt(issues, 'quota')} />
        </div>
      </div>
    </>
  )
}
