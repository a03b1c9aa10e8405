import { useEffect, useId } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import { SOURCE_FORM_KIND, type SourceDraft } from './policy'
import { useVersions } from './useForms'

/**
 * One evaluation source of a new campaign: switched on or off, its form and published version,
 * weight, required, minimum responses, measure and anonymity. Picks the newest version of the
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
  const { t, locale } = useI18n()
  const id = useId()
  const name = t(`source.${source.key}`)
  const versions = useVersions(source.formId)
  const at = (field: string) => issueAt(issues, `sources.${source.key}.${field}`)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
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
        <div className="field wide">
          <label htmlFor={`${id}-form`}>{t('campaignNew.form', { source: name })}</label>
          <select
            id={`${id}-form`}
            value={source.formId ?? ''}
            disabled={disabled}
            onChange={(e) =>
              onChange({
                formId: e.target.value ? Number(e.target.value) : null,
                formVersion: null,
              })
            }
          >
            <option value="">{t('campaignNew.pickForm')}</option>
            {ordered.map((form) => (
              <option key={form.id} value={form.id}>
                {form.title}（{t(`kind.${form.kind}`)}）
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>{t('campaignNew.version', { source: name })}</label>
          <select
            id={`${id}-version`}
            value={source.formVersion ?? ''}
            disabled={disabled || source.formId === null}
            aria-invalid={at('formVersion') !== undefined}
            aria-describedby={`${id}-version-issue`}
            onChange={(e) =>
              onChange({ formVersion: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">
              {versions.data?.length === 0
                ? t('campaignNew.noVersions')
                : t('campaignNew.pickVersion')}
            </option>
            {versions.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {t('campaignNew.versionOption', {
                  version: v.version,
                  date: date.format(new Date(v.createdAt)),
                })}
              </option>
            ))}
          </select>
          <FieldIssue id={`${id}-version-issue`} message={at('formVersion')} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t('campaignNew.weight', { source: name })}</label>
          <input
            id={`${id}-weight`}
            type="number"
            min={0}
            step="any"
            value={source.weight}
            disabled={disabled}
            aria-invalid={at('weight') !== undefined}
            aria-describedby={`${id}-weight-issue`}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
          <FieldIssue id={`${id}-weight-issue`} message={at('weight')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-min`}>{t('campaignNew.minResponses', { source: name })}</label>
          <input
            id={`${id}-min`}
            type="number"
            min={0}
            step={1}
            value={source.minResponses}
            disabled={disabled}
            aria-invalid={at('minResponses') !== undefined}
            aria-describedby={`${id}-min-issue`}
            onChange={(e) => onChange({ minResponses: e.target.value })}
          />
          <FieldIssue id={`${id}-min-issue`} message={at('minResponses')} />
        </div>
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
