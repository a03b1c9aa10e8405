import type { FormSummary, VersionSummary } from '../api/types'
import { kindKey } from '../forms/kinds'
import { useI18n } from '../i18n/I18nProvider'
import { FieldIssue } from './FieldIssue'

/** What a source answers on: a form and one of its published versions. */
export interface FormVersionChoice {
  formId: number | null
  formVersion: number | null
}

/**
 * The two pickers of a source's form and published version, shared by the new-campaign page and
 * the settings of an open one. Choosing another form clears the version; a chosen form the user
 * may no longer list (another office's) stays shown as "the current form".
 */
export function FormVersionFields({
  id,
  sourceName,
  choice,
  forms,
  versions,
  versionIssue,
  disabled,
  emptyForm,
  onChange,
}: {
  id: string
  sourceName: string
  choice: FormVersionChoice
  forms: readonly FormSummary[]
  /** The chosen form's published versions, newest first; undefined while loading. */
  versions: readonly VersionSummary[] | undefined
  versionIssue: string | undefined
  disabled: boolean
  /** What choosing no form means (default: "pick a form"). */
  emptyForm?: string
  onChange: (patch: Partial<FormVersionChoice>) => void
}) {
  const { t, locale } = useI18n()
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const unlisted = choice.formId !== null && !forms.some((form) => form.id === choice.formId)
  return (
    <>
      <div className="field wide">
        <label htmlFor={`${id}-form`}>{t('campaignNew.form', { source: sourceName })}</label>
        <select
          id={`${id}-form`}
          value={choice.formId ?? ''}
          disabled={disabled}
          onChange={(e) =>
            onChange({ formId: e.target.value ? Number(e.target.value) : null, formVersion: null })
          }
        >
          <option value="">{emptyForm ?? t('campaignNew.pickForm')}</option>
          {unlisted && <option value={choice.formId ?? ''}>{t('office.currentForm')}</option>}
          {forms.map((form) => (
            <option key={form.id} value={form.id}>
              {form.title}（{t(kindKey(form.kind))}）
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-version`}>{t('campaignNew.version', { source: sourceName })}</label>
        <select
          id={`${id}-version`}
          value={choice.formVersion ?? ''}
          disabled={disabled || choice.formId === null}
          aria-invalid={versionIssue !== undefined}
          aria-describedby={`${id}-version-issue`}
          onChange={(e) =>
            onChange({ formVersion: e.target.value ? Number(e.target.value) : null })
          }
        >
          <option value="">
            {choice.formId === null && emptyForm !== undefined
              ? emptyForm
              : versions?.length === 0
                ? t('campaignNew.noVersions')
                : t('campaignNew.pickVersion')}
          </option>
          {versions?.map((v) => (
            <option key={v.id} value={v.id}>
              {t('campaignNew.versionOption', {
                version: v.version,
                date: date.format(new Date(v.createdAt)),
              })}
            </option>
          ))}
        </select>
        <FieldIssue id={`${id}-version-issue`} message={versionIssue} />
      </div>
    </>
  )
}
