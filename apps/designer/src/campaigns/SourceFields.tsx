import { useEffect, useId } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import { FormVersionFields } from './FormVersionFields'
import { NumberField } from './NumberField'
import { SOURCE_FORM_KIND, type SourceDraft } from './policy'
import { TypeFormsFields } from './TypeFormsFields'
import { useVersions } from './useForms'

/**
 * One evaluation source of a new campaign: switched on or off, its form and published version
 * (one for all, or one per branch type: `TypeFormsFields`), weight, required, minimum responses, measure and anonymity. Picks the newest version of the
 * first form of the source's usual kind until the user chooses.
 */
export function SourceFields({
  source,
  forms,
  issues,
  onChange,
}: {
  source: SourceDraft
  forms: FormSummary[]
  issues: Issues
  onChange: (patch: Partial<SourceDraft>) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const name = t(`source.${source.key}`)
  const versions = useVersions(source.formId)
  const at = (field: string) => issueAt(issues, `sources.${source.key}.${field}`)
  const usual = forms.filter((f) => f.kind === SOURCE_FORM_KIND[source.key])
  const ordered = [...usual, ...forms.filter((f) => f.kind !== SOURCE_FORM_KIND[source.key])]

  useEffect(() => {
    if (source.formId === null && usual[0]) onChange({ formId: usual[0].id, formVersion: null })
  }, [source.formId, usual[0]?.id])
  useEffect(() => {
    const list = versions.data
    if (!list || source.formId === null) return
    if (!list.some((v) => v.id === source.formVersion))
      onChange({ formVersion: list[0]?.id ?? null })
  }, [versions.data, source.formId])

  const disabled = !source.enabled
  return (
    <fieldset className="source-fields" data-source={source.key}>
      <legend>
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={source.enabled}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
        <label htmlFor={`${id}-on`}>{t('campaignNew.use', { source: name })}</label>
      </legend>
      <div className="field-row">
        <FormVersionFields
          id={id}
          sourceName={name}
          choice={source}
          forms={ordered}
          versions={versions.data}
          versionIssue={at('formVersion')}
          disabled={disabled}
          onChange={onChange}
        />
      </div>
      <TypeFormsFields
        id={`${id}-types`}
        sourceName={name}
        draft={source}
        forms={ordered}
        issueAt={(unitType) => at(`formsByUnitType.${unitType}`)}
        kind={forms.find((form) => form.id === source.formId)?.kind}
        disabled={disabled}
        onChange={onChange}
      />
      <div className="field-row">
        <NumberField
          id={`${id}-weight`}
          label={t('campaignNew.weight', { source: name })}
          value={source.weight}
          issue={at('weight')}
          disabled={disabled}
          onChange={(weight) => onChange({ weight })}
        />
        <NumberField
          id={`${id}-min`}
          label={t('campaignNew.minResponses', { source: name })}
          value={source.minResponses}
          issue={at('minResponses')}
          disabled={disabled}
          step={1}
          onChange={(minResponses) => onChange({ minResponses })}
        />
        <div className="field">
          <label htmlFor={`${id}-measure`}>{t('campaignNew.measure', { source: name })}</label>
          <select
            id={`${id}-measure`}
            value={source.measure}
            disabled={disabled}
            onChange={(e) => onChange({ measure: e.target.value as SourceDraft['measure'] })}
          >
            <option value="percent">{t('campaignNew.measure.percent')}</option>
            <option value="satisfactionRate">{t('campaignNew.measure.satisfactionRate')}</option>
          </select>
          <FieldIssue id={`${id}-measure-issue`} message={at('measure')} />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={source.required}
            disabled={disabled}
            onChange={(e) => onChange({ required: e.target.checked })}
          />
          {t('campaignNew.required', { source: name })}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={source.anonymous}
            disabled={disabled}
            onChange={(e) => onChange({ anonymous: e.target.checked })}
          />
          {t('campaignNew.anonymous', { source: name })}
        </label>
      </div>
    </fieldset>
  )
}
