import { ROOT } from '@yardstick/doc'
import { FORM_KINDS } from '@yardstick/sdk'
import { kindKey } from '../../forms/kinds'
import { useI18n } from '../../i18n/I18nProvider'
import { useViewSelect } from '../EditorContext'
import { TriggerRules } from '../rules/TriggerRules'
import { DimensionsEditor } from './DimensionsEditor'
import { LocalizedText } from './LocalizedText'
import { SelectField } from './SelectField'
import { useSetProperty } from './useEdit'
import { numberOrNone, ValueField } from './ValueField'

/**
 * The form's own settings: title, description, kind, bonus cap, dimensions and weights, and its
 * skip and end rules.
 */
export function SurveyProperties() {
  const { t } = useI18n()
  const set = useSetProperty()
  const json = useViewSelect((view) => view.json)
  return (
    <div className="props">
      <h2 className="panel-title">{t('props.survey')}</h2>
      <LocalizedText target={ROOT} field="title" value={json.title} label={t('props.title')} />
      <LocalizedText
        target={ROOT}
        field="description"
        value={json.description}
        label={t('props.description')}
        multiline
      />
      <div className="field-row">
        <SelectField
          label={t('props.kind')}
          value={String(json.kind ?? 'generic')}
          options={FORM_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
          onChange={(kind) => set(ROOT, 'kind', kind)}
        />
        <ValueField
          label={t('props.bonusCap')}
          type="number"
          min={0}
          value={typeof json.bonusCap === 'number' ? json.bonusCap : undefined}
          onCommit={(v) => set(ROOT, 'bonusCap', numberOrNone(v))}
        />
      </div>
      <DimensionsEditor />
      <TriggerRules />
    </div>
  )
}
