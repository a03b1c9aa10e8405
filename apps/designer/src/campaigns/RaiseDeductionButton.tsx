import { useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'

/**
 * 提出整改 from one deduction (or veto) of an assessor's scorecard: `POST …/results/units/:unitId/
 * rectifications`, its reason becoming the problem's note; "已提出整改" once one exists.
 */
export function RaiseDeductionButton({
  campaignId,
  unitId,
  responseId,
  question,
  raised,
  onRaised,
}: {
  campaignId: number
  unitId: number
  responseId: number
  question: string
  raised: boolean
  onRaised: () => void
}) {
  const { t } = useI18n()
  const api = useApi()
  const errorText = useErrorText()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  if (raised) return <span className="muted">{t('deduction.raised')}</span>
  const raise = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await api(`/api/campaigns/${campaignId}/results/units/${unitId}/rectifications`, {
        method: 'POST',
        body: { responseId, question },
      })
      onRaised()
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" disabled={busy} onClick={raise}>
        {busy ? t('deduction.raising') : t('deduction.raise')}
      </button>
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
    </>
  )
}
