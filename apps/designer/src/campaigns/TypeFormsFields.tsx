import { UNIT_TYPES, type UnitType } from '@yardstick/sdk/domain'
import { useEffect } from 'react'
import type { FormSummary } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { type FormVersionChoice, FormVersionFields } from './FormVersionFields'
import type { TypeFormsDraft } from './type-forms'
import { useVersions } from './useForms'

/**
 * 分类制定: whether a source has one form for all branches or a form per branch type, and then
 * one form and version picker per type (a type left on "use the default" answers the source's
 * default form). Shared by the new-campaign page and the settings of a campaign.
 */
export function TypeFormsFields({
  id,
  sourceName,
  draft,
  forms,
  issueAt,
  kind,
  disabled,
  onChange,
}: {
  id: string
  sourceName: string
  draft: TypeFormsDraft
  forms: readonly FormSummary[]
  /** The issue of a type's version, by type (`formsByUnitType.<type>`). */
  issueAt: (unitType: UnitType) => string | undefined
  /** The kind of the source's default form: a type's form must be of it (the server checks too). */
  kind: string | undefined
  disabled: boolean
  onChange: (patch: TypeFormsDraft) => void
}) {
  const { t } = useI18n()
  const fitting = kind === undefined ? forms : forms.filter((form) => form.kind === kind)
  const change = (unitType: UnitType, patch: Partial<FormVersionChoice>) => {
    const was = draft.typeForms?.[unitType] ?? { formId: null, formVersion: null }
    onChange({ typeForms: { ...draft.typeForms, [unitType]: { ...was, ...patch } } })
  }
  return (
    <div className="type-forms" data-per-type={draft.perType ? 'true' : 'false'}>
      <fieldset className="choice-row">
        <legend>{t('instruments.mode', { source: sourceName })}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${id}-per-type`}
            checked={!draft.perType}
            disabled={disabled}
            onChange={() => onChange({ perType: false })}
          />
          {t('instruments.oneForAll')}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${id}-per-type`}
            checked={draft.perType ?? false}
            disabled={disabled}
            onChange={() => onChange({ perType: true })}
          />
          {t('instruments.perType')}
        </label>
      </fieldset>
      {draft.perType && (
        <>
          <p className="hint">{t('instruments.perTypeHint')}</p>
          {UNIT_TYPES.map((unitType) => (
            <TypeFormRow
              key={unitType}
              id={`${id}-${unitType}`}
              name={`${sourceName}（${t(`unitType.${unitType}`)}）`}
              choice={draft.typeForms?.[unitType] ?? { formId: null, formVersion: null }}
              forms={fitting}
              issue={issueAt(unitType)}
              disabled={disabled}
              onChange={(patch) => change(unitType, patch)}
            />
          ))}
        </>
      )}
    </div>
  )
}

function TypeFormRow({
  id,
  name,
  choice,
  forms,
  issue,
  disabled,
  onChange,
}: {
  id: string
  name: string
  choice: FormVersionChoice
  forms: readonly FormSummary[]
  issue: string | undefined
  disabled: boolean
  onChange: (patch: Partial<FormVersionChoice>) => void
}) {
  const { t } = useI18n()
  const versions = useVersions(choice.formId)
  // A form chosen for a type starts on its newest version, as a source's own form does.
  useEffect(() => {
    const list = versions.data
    if (!list || choice.formId === null) return
    if (!list.some((v) => v.id === choice.formVersion)) {
      onChange({ formVersion: list[0]?.id ?? null })
    }
  }, [versions.data, choice.formId])
  return (
    <div className="field-row type-form">
      <FormVersionFields
        id={id}
        sourceName={name}
        choice={choice}
        forms={forms}
        versions={versions.data}
        versionIssue={issue}
        disabled={disabled}
        emptyForm={t('instruments.useDefault')}
        onChange={onChange}
      />
    </div>
  )
}
