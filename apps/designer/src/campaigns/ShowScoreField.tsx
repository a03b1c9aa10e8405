import { useI18n } from '../i18n/I18nProvider'

/** The campaign setting "show respondents their score", with the hint on what it shows. */
export function ShowScoreField({
  id,
  checked,
  disabled,
  onChange,
}: {
  id: string
  checked: boolean
  disabled?: boolean
  onChange: (showScore: boolean) => void
}) {
  const { t } = useI18n()
  return (
    <>
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-describedby={`${id}-score-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        {t('campaignNew.showScore')}
      </label>
      <p id={`${id}-score-hint`} className="hint">
        {t('campaignNew.showScoreHint')}
      </p>
    </>
  )
}
