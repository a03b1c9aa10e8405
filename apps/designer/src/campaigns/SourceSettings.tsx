import { useId } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import type { SourceSettingsDraft } from './settings'
import { useVersions } from './useForms'

/**
 * One source of an existing campaign: the form and published version it is answered on, and its
 * weight. `locked` (the campaign has responses) shows them without letting them change.
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
  const name = t(`source.${source.key}`)
  const versions = useVersions(source.formId)
  const at = (field: string) => issueAt(issues, `sources.${source.key}.${field}`)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  return (
    <fieldset className="source-fields" data-source={source.key}>
      <legend>{name}</legend>
      <div className="field-row">
        <div className="field wide">
          <label htmlFor={`${id}-form`}>{t('campaignNew.form', { source: name })}</label>
          <select
            id={`${id}-form`}
            value={source.formId ?? ''}
            disabled={locked}
            onChange={(e) =>
              onChange({
                formId: e.target.value ? Number(e.target.value) : null,
                formVersion: null,
              })
            }
          >
            <option value="">{t('campaignNew.pickForm')}</option>
            {source.formId !== null && !forms.some((form) => form.id === source.formId) && (
              <option value={source.formId}>{t('office.currentForm')}</option>
            )}
            {forms.map((form) => (
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
            disabled={locked || source.formId === null}
            aria-invalid={at('formVersion') !== undefined}
            aria-describedby={`${id}-version-issue`}
            onChange={(e) =>
              onChange({ formVersion: e.target.value ? Number(e.target.value) : null })
            }
          >
            <option value="">{t('campaignNew.pickVersion')}</option>
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
        <div className="field">
          <label htmlFor={`${id}-weight`}>{t('campaignNew.weight', { source: name })}</label>
          <input
            id={`${id}-weight`}
            type="number"
            min={0}
            step="any"
            value={source.weight}
            disabled={locked}
            aria-invalid={at('weight') !== undefined}
            aria-describedby={`${id}-weight-issue`}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
          <FieldIssue id={`${id}-weight-issue`} message={at('weight')} />
        </div>
      </div>
    </fieldset>
  )
}
