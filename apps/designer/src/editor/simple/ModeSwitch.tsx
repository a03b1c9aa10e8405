import { useId } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { EDITOR_MODES, type EditorMode } from './editor-mode'

/** The simple / expert switch: two radio buttons, one click apart. */
export function ModeSwitch({
  mode,
  onChange,
}: {
  mode: EditorMode
  onChange: (mode: EditorMode) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <fieldset className="mode-switch">
      <legend className="visually-hidden">{t('mode.label')}</legend>
      {EDITOR_MODES.map((each) => (
        <label key={each} className={`mode-option${mode === each ? ' chosen' : ''}`}>
          <input
            type="radio"
            name={`${id}-mode`}
            value={each}
            checked={mode === each}
            onChange={() => onChange(each)}
          />
          {t(`mode.${each}`)}
        </label>
      ))}
    </fieldset>
  )
}
