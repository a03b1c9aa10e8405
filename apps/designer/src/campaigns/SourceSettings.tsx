import { useId } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { type Issues, issueAt } from './FieldIssue'
import { FormVersionFields } from './FormVersionFields'
import { NumberField } from './NumberField'
import type { SourceSettingsDraft } from './settings'
import { sourceName } from './source-name'
import { TypeFormsFields } from './TypeFormsFields'
import { useVersions } from './useForms'

/**
 * One source of an existing campaign: the form and published version it is answered on (one
 * for all, or one per branch type), and its weight. `locked` (the campaign has responses) shows them without letting them change.
 */
export function SourceSettings({
  source,
  forms,
  issues,
  locked,
  onChange,
}: {
  source: SourceSettingsDraft
  forms: FormSummary[]
  issues: Issues
  locked: boolean
  onChange: (patch: Partial<SourceSettingsDraft>) => void
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const name = sourceName(t, source, locale)
  const versions = useVersions(source.formId)
  const at = (field: string) => issueAt(issues, `sources.${source.key}.${field}`)
  return (
    <fieldset className="source-fields" data-source={source.key}>
      <legend>{name}</legend>
      <div className="field-row">
        <FormVersionFields
          id={id}
          sourceName={name}
          choice={source}
          forms={forms}
          versions={versions.data}
          versionIssue={at('formVersion')}
          disabled={locked}
          onChange={onChange}
        />
        <NumberField
          id={`${id}-weight`}
          label={t('campaignNew.weight', { source: name })}
          value={source.weight}
          issue={at('weight')}
          disabled={locked}
          onChange={(weight) => onChange({ weight })}
        />
      </div>
      <TypeFormsFields
        id={`${id}-types`}
        sourceName={name}
        draft={source}
        forms={forms}
        issueAt={(unitType) => at(`formsByUnitType.${unitType}`)}
        kind={forms.find((form) => form.id === source.formId)?.kind}
        disabled={locked}
        onChange={onChange}
      />
    </fieldset>
  )
}
