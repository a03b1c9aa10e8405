import { SOURCE_RESPONDENTS, type SourceRespondent } from '@yardstick/sdk/domain'
import { useEffect, useId } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import { FormVersionFields } from './FormVersionFields'
import { NumberField } from './NumberField'
import { PanelPicker } from './PanelPicker'
import { SOURCE_FORM_KIND, type SourceDraft } from './policy'
import { sourceName } from './source-name'
import { TypeFormsFields } from './TypeFormsFields'
import { useVersions } from './useForms'

/**
 * One evaluation source of a campaign, new or existing (the creation and the settings page
 * share it): switched on or off, its own name (zh-CN / English),
 * its form and published version (one for all, or one per branch type: `TypeFormsFields`),
 * weight, required, minimum responses, measure and anonymity; a source the office added also its
 * key, who answers it and, for a panel (述职评议), its people, and can be removed. Picks the
 * newest version of the first form of the source's usual kind until the user chooses.
 */
export function SourceFields({
  source,
  forms,
  issues,
  onChange,
  onRemove,
  saved = false,
  locked = false,
}: {
  source: SourceDraft
  forms: FormSummary[]
  issues: Issues
  onChange: (patch: Partial<SourceDraft>) => void
  /** Given for a source the office added. */
  onRemove?: () => void
  /**
   * A source the campaign already has: its key, required, measure and anonymity stay as created
   * (the server takes them for a new source only), and its version stays until its form changes.
   */
  saved?: boolean
  /** Nothing can change (the campaign has responses, or is closed). */
  locked?: boolean
}) {
  const { t, locale } = useI18n()
  const id = useId()
  const label = { 'zh-CN': source.labelZh, en: source.labelEn }
  const name = sourceName(t, { key: source.key, label }, locale)
  const versions = useVersions(source.formId)
  const at = (field: string) => issueAt(issues, `sources.${source.key}.${field}`)
  const kind = SOURCE_FORM_KIND[source.answeredBy]
  const usual = forms.filter((f) => f.kind === kind)
  const ordered = [...usual, ...forms.filter((f) => f.kind !== kind)]

  useEffect(() => {
    if (source.formId === null && usual[0]) onChange({ formId: usual[0].id, formVersion: null })
  }, [source.formId, usual[0]?.id])
  useEffect(() => {
    const list = versions.data
    if (!list || source.formId === null) return
    // A saved source keeps its version (it may be one no longer listed) until its form changes.
    if (saved && source.formVersion !== null) return
    if (!list.some((v) => v.id === source.formVersion))
      onChange({ formVersion: list[0]?.id ?? null })
  }, [versions.data, source.formId])

  const disabled = locked || !source.enabled
  const asCreated = disabled || saved
  return (
    <fieldset className="source-fields" data-source={source.key}>
      <legend>
        <input
          id={`${id}-on`}
          type="checkbox"
          checked={source.enabled}
          disabled={locked}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
        <label htmlFor={`${id}-on`}>{t('campaignNew.use', { source: name })}</label>
        {onRemove && !locked && (
          <button type="button" className="link" onClick={onRemove}>
            {t('campaignNew.removeSource', { source: name })}
          </button>
        )}
      </legend>
      <div className="field-row">
        {source.own && (
          <div className="field">
            <label htmlFor={`${id}-key`}>{t('campaignNew.sourceKey')}</label>
            <input
              id={`${id}-key`}
              value={source.key}
              disabled={disabled || saved}
              onChange={(e) => onChange({ key: e.target.value.trim() })}
            />
            <FieldIssue id={`${id}-key-issue`} message={at('key')} />
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-label-zh`}>{t('campaignNew.labelZh')}</label>
          <input
            id={`${id}-label-zh`}
            value={source.labelZh}
            disabled={disabled}
            placeholder={source.own ? '述职评议' : sourceName(t, source.key)}
            onChange={(e) => onChange({ labelZh: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-label-en`}>{t('campaignNew.labelEn')}</label>
          <input
            id={`${id}-label-en`}
            value={source.labelEn}
            disabled={disabled}
            onChange={(e) => onChange({ labelEn: e.target.value })}
          />
        </div>
        {source.own && (
          <div className="field">
            <label htmlFor={`${id}-by`}>{t('campaignNew.answeredBy', { source: name })}</label>
            <select
              id={`${id}-by`}
              value={source.answeredBy}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  answeredBy: e.target.value as SourceRespondent,
                  formId: null,
                  formVersion: null,
                })
              }
            >
              {SOURCE_RESPONDENTS.map((by) => (
                <option key={by} value={by}>
                  {t(`campaignNew.answeredBy.${by}`)}
                </option>
              ))}
            </select>
            <FieldIssue id={`${id}-by-issue`} message={at('answeredBy')} />
          </div>
        )}
      </div>
      {source.answeredBy === 'panel' && (
        <PanelPicker
          id={`${id}-panel`}
          sourceName={name}
          chosen={source.panel}
          issue={at('panel')}
          disabled={disabled}
          onChange={(panel) => onChange({ panel })}
        />
      )}
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
            disabled={asCreated}
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
            disabled={asCreated}
            onChange={(e) => onChange({ required: e.target.checked })}
          />
          {t('campaignNew.required', { source: name })}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={source.anonymous}
            disabled={asCreated}
            onChange={(e) => onChange({ anonymous: e.target.checked })}
          />
          {t('campaignNew.anonymous', { source: name })}
        </label>
      </div>
    </fieldset>
  )
}
