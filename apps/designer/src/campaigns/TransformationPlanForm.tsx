import { lowestGrade } from '@yardstick/contract/periods'
import { type FormEvent, useId, useState } from 'react'
import type { CampaignDetail, Rectification } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'

/**
 * The 转化 follow-up of a branch on its detail page: nothing unless it is graded in the campaign's
 * lowest band; then its plan's form (to whom may raise it: `mayFollowUp`), or a note that the plan
 * is set (it lists among the rectifications).
 */
export function TransformationFollowUp({
  campaignId,
  unitId,
  grade,
  rectifications,
  mayFollowUp,
  onCreated,
}: {
  campaignId: number
  unitId: number
  grade: string | null
  rectifications: readonly Rectification[]
  /** The unit detail's `mayFollowUp`: whether the server takes a plan from this reader. */
  mayFollowUp: boolean
  onCreated: () => void
}) {
  const { t } = useI18n()
  const api = useApi()
  const path = `/api/campaigns/${campaignId}`
  const campaign = useResource(path, (signal) => api<CampaignDetail>(path, { signal }))
  const lowest = campaign.data ? lowestGrade(campaign.data.bands) : undefined
  if (grade === null || lowest === undefined || grade !== lowest) return null
  if (rectifications.some((r) => r.origin === 'transformation')) {
    return <p className="muted transformation-set">{t('transformation.exists')}</p>
  }
  if (!mayFollowUp) return null
  return (
    <TransformationPlanForm
      campaignId={campaignId}
      unitId={unitId}
      grade={grade}
      onCreated={onCreated}
    />
  )
}

/**
 * 转化工程: the plan of a branch graded in the lowest band — responsible leader, measures,
 * deadline — sent to `POST …/results/units/:unitId/transformation-plan`; it then lists among the
 * branch's rectifications (`onCreated` reloads them).
 */
export function TransformationPlanForm({
  campaignId,
  unitId,
  grade,
  onCreated,
}: {
  campaignId: number
  unitId: number
  grade: string
  onCreated: () => void
}) {
  const { t } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const id = useId()
  const [plan, setPlan] = useState({ owner: '', measure: '', deadline: '', note: '' })
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      const { note, ...rest } = plan
      await api(`/api/campaigns/${campaignId}/results/units/${unitId}/transformation-plan`, {
        method: 'POST',
        body: { ...rest, ...(note.trim() ? { note: note.trim() } : {}) },
      })
      onCreated()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  const field = (key: keyof typeof plan, type: 'text' | 'date' | 'textarea', required = true) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{t(`transformation.${key}`)}</label>
      {type === 'textarea' ? (
        <textarea
          id={`${id}-${key}`}
          rows={3}
          maxLength={2000}
          required={required}
          value={plan[key]}
          onChange={(e) => setPlan({ ...plan, [key]: e.target.value })}
        />
      ) : (
        <input
          id={`${id}-${key}`}
          type={type}
          maxLength={200}
          required={required}
          value={plan[key]}
          onChange={(e) => setPlan({ ...plan, [key]: e.target.value })}
        />
      )}
    </div>
  )

  return (
    <form className="card transformation-plan" aria-labelledby={`${id}-h`} onSubmit={submit}>
      <h2 id={`${id}-h`}>{t('transformation.title')}</h2>
      <p className="muted">{t('transformation.intro', { grade })}</p>
      {field('owner', 'text')}
      {field('measure', 'textarea')}
      {field('deadline', 'date')}
      {field('note', 'textarea', false)}
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('transformation.saving') : t('transformation.save')}
      </button>
    </form>
  )
}
