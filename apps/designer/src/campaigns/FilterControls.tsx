import { useId, useMemo } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { orgsOfKinds, useOrgs } from './useOrgs'

/**
 * The sub-committee filter of the office's lists (results, participation): every sub-committee
 * the user reaches, or all ('' = no filter).
 */
export function SubtreeSelect({
  value,
  onChange,
}: {
  value: string
  onChange: (subtree: string) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const orgs = useOrgs()
  const subcommittees = useMemo(
    () => orgsOfKinds(orgs.data?.items ?? [], ['subcommittee']).map((o) => o.node),
    [orgs.data],
  )
  return (
    <>
      <label htmlFor={`${id}-sub`}>{t('results.subtree')}</label>
      <select id={`${id}-sub`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('results.allSubtrees')}</option>
        {subcommittees.map((org) => (
          <option key={org.id} value={org.id}>
            {org.name}
          </option>
        ))}
      </select>
    </>
  )
}

/** The search box of the office's lists, labelled for screen readers only. */
export function SearchInput({
  value,
  onChange,
}: {
  value: string
  onChange: (search: string) => void
}) {
  const { t } = useI18n()
  const id = useId()
  return (
    <>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t('results.search')}
      </label>
      <input
        id={`${id}-q`}
        type="search"
        placeholder={t('results.search')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  )
}
