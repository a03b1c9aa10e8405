import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { OrgNode } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import type { MessageKey } from '../i18n/zh-CN'
import {
  type BranchEntry,
  branchesUnder,
  typeCounts,
  typeState,
  withBranch,
  withType,
} from './unit-selection'
import './office.css'

// A list of thousands of checkboxes helps no one: past this, the search narrows it.
const SHOWN = 300

/**
 * Which branches of the chosen office a campaign assesses: all of them (the default), or a
 * choice made by branch type (支部类型, each with its count) and branch by branch, with a search.
 * `ids` null means the whole subtree.
 */
export function UnitPicker({
  office,
  ids,
  onChange,
}: {
  office: OrgNode | null
  ids: number[] | null
  onChange: (ids: number[] | null) => void
}) {
  const { t } = useI18n()
  const id = useId()
  const [search, setSearch] = useState('')
  const branches = useMemo(() => (office ? branchesUnder(office) : []), [office])
  const picked = useMemo(() => new Set(ids ?? []), [ids])
  const types = useMemo(() => typeCounts(branches), [branches])
  const found = useMemo(() => {
    const needle = search.trim()
    return needle ? branches.filter((b) => b.name.includes(needle)) : branches
  }, [branches, search])
  if (!office) return null
  const choosing = ids !== null

  return (
    <fieldset className="unit-picker">
      <legend>{t('office.unitsLegend', { office: office.name, n: branches.length })}</legend>
      <label className="check">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={!choosing}
          onChange={() => onChange(null)}
        />
        {t('office.unitsAll', { n: branches.length })}
      </label>
      <label className="check">
        <input
          type="radio"
          name={`${id}-mode`}
          checked={choosing}
          onChange={() => onChange(branches.map((b) => b.id))}
        />
        {t('office.unitsChoose')}
      </label>
      {choosing && (
        <div className="unit-choice">
          <p className="muted" role="status">
            {t('office.unitsPicked', { n: picked.size, total: branches.length })}
          </p>
          <fieldset className="type-picks">
            <legend className="visually-hidden">{t('office.byType')}</legend>
            {types.map(([type, count]) => (
              <TypeBox
                key={type}
                label={t('office.typeCount', {
                  type: t(`unitType.${type}` as MessageKey),
                  n: count,
                })}
                state={typeState(picked, branches, type)}
                onChange={(on) => onChange(withType(ids ?? [], branches, type, on))}
              />
            ))}
          </fieldset>
          <div className="toolbar">
            <button type="button" onClick={() => onChange(branches.map((b) => b.id))}>
              {t('office.pickAll')}
            </button>
            <button type="button" onClick={() => onChange([])}>
              {t('office.pickNone')}
            </button>
            <label htmlFor={`${id}-q`} className="visually-hidden">
              {t('office.searchBranches')}
            </label>
            <input
              id={`${id}-q`}
              type="search"
              placeholder={t('office.searchBranches')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          <ul className="branch-picks">
            {found.slice(0, SHOWN).map((branch) => (
              <BranchBox
                key={branch.id}
                branch={branch}
                checked={picked.has(branch.id)}
                onChange={(on) => onChange(withBranch(ids ?? [], branches, branch.id, on))}
              />
            ))}
          </ul>
          {found.length > SHOWN && (
            <p className="hint">{t('office.narrowSearch', { n: SHOWN, total: found.length })}</p>
          )}
        </div>
      )}
    </fieldset>
  )
}

function TypeBox({
  label,
  state,
  onChange,
}: {
  label: string
  state: 'all' | 'some' | 'none'
  onChange: (on: boolean) => void
}) {
  const box = useRef<HTMLInputElement>(null)
  // A type partly picked shows as such (a checkbox's mixed state is set from script only).
  useEffect(() => {
    if (box.current) box.current.indeterminate = state === 'some'
  }, [state])
  return (
    <label className="check">
      <input
        ref={box}
        type="checkbox"
        checked={state === 'all'}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  )
}

function BranchBox({
  branch,
  checked,
  onChange,
}: {
  branch: BranchEntry
  checked: boolean
  onChange: (on: boolean) => void
}) {
  const { t } = useI18n()
  return (
    <li data-branch={branch.name}>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {branch.name}
        <span className="muted small">
          {[branch.parentName, branch.unitType && t(`unitType.${branch.unitType}` as MessageKey)]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </label>
    </li>
  )
}
