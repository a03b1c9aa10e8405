import type { OrgKind, OrgNode } from '@yardstick/contract'
import { UNIT_TYPES, type UnitType } from '@yardstick/sdk/domain'
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { childKinds, moveTargets } from './org-tree'

/** What the admin is doing to a unit of the tree. */
export interface OrgEdit {
  mode: 'add' | 'edit' | 'move' | 'retire' | 'restore'
  node: OrgNode
}

/**
 * The panel of one change to the tree: a new unit below `node` (kind, name, type, code), its
 * name, type and code, its new parent, or the confirmation of retiring or restoring it. Sends the
 * change, shows the server's refusal by code, and calls `onDone` with what happened (and the
 * parent to show open).
 */
export function OrgEditPanel({
  edit: { mode, node },
  tree,
  onCancel,
  onDone,
}: {
  edit: OrgEdit
  tree: readonly OrgNode[]
  onCancel: () => void
  onDone: (message: string, openId?: number) => void
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const kinds = childKinds(node.kind)
  const [kind, setKind] = useState<OrgKind>(kinds.includes('branch') ? 'branch' : node.kind)
  const [name, setName] = useState(mode === 'edit' ? node.name : '')
  const [unitType, setUnitType] = useState<UnitType | ''>(
    mode === 'edit' ? (node.unitType ?? '') : '',
  )
  const [code, setCode] = useState(mode === 'edit' ? (node.code ?? '') : '')
  const targets = mode === 'move' ? moveTargets(tree, node) : []
  const [parentId, setParentId] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const shownKind = mode === 'add' ? kind : node.kind
  const named = { name: node.name }

  const send = async () => {
    const at = `/api/orgs/${node.id}`
    switch (mode) {
      case 'add': {
        await api('/api/orgs', {
          method: 'POST',
          body: {
            parentId: node.id,
            kind,
            name: name.trim(),
            ...(unitType ? { unitType } : {}),
            ...(code.trim() ? { code: code.trim() } : {}),
          },
        })
        return onDone(t('orgs.added', { name: name.trim(), parent: node.name }), node.id)
      }
      case 'edit': {
        const change: Record<string, unknown> = {}
        if (name.trim() !== node.name) change.name = name.trim()
        if (unitType && unitType !== node.unitType) change.unitType = unitType
        if ((code.trim() || null) !== (node.code ?? null)) change.code = code.trim() || null
        if (Object.keys(change).length === 0) return onCancel()
        await api(at, { method: 'PATCH', body: change })
        return onDone(t('orgs.saved', { name: name.trim() }))
      }
      case 'move': {
        const target = targets.find((entry) => String(entry.node.id) === parentId)?.node
        if (!target) return
        await api(`${at}/move`, { method: 'POST', body: { parentId: target.id } })
        return onDone(t('orgs.moved', { name: node.name, parent: target.name }), target.id)
      }
      case 'retire':
        await api(`${at}/retire`, { method: 'POST' })
        return onDone(t('orgs.retiredDone', named))
      case 'restore':
        await api(`${at}/restore`, { method: 'POST' })
        return onDone(t('orgs.restored', named))
    }
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    try {
      await send()
    } catch (caught) {
      setFailure(caught)
      setBusy(false)
    }
  }
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key === 'Escape') onCancel()
  }
  const confirming = mode === 'retire' || mode === 'restore'
  return (
    <section className="card org-edit" aria-labelledby={`${id}-title`} onKeyDown={closeOnEscape}>
      <h2 id={`${id}-title`}>{t(`orgs.${mode}Title`, named)}</h2>
      <form onSubmit={submit} noValidate>
        {mode === 'add' && (
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('orgs.col.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              // biome-ignore lint/a11y/noAutofocus: the panel opens for this field
              autoFocus
              onChange={(e) => setKind(e.target.value as OrgKind)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`orgKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        {(mode === 'add' || mode === 'edit') && (
          <div className="field-row">
            <div className="field wide">
              <label htmlFor={`${id}-name`}>{t('orgs.col.name')}</label>
              <input
                id={`${id}-name`}
                value={name}
                required
                maxLength={200}
                // biome-ignore lint/a11y/noAutofocus: the panel opens for this field
                autoFocus={mode === 'edit'}
                onChange={(e) => setName(e.target.value)}
              />
            </div>
            {shownKind === 'branch' && (
              <div className="field">
                <label htmlFor={`${id}-type`}>{t('orgs.col.type')}</label>
                <select
                  id={`${id}-type`}
                  value={unitType}
                  onChange={(e) => setUnitType(e.target.value as UnitType | '')}
                >
                  <option value="">{t('orgs.noType')}</option>
                  {UNIT_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`unitType.${type}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="field">
              <label htmlFor={`${id}-code`}>{t('orgs.col.code')}</label>
              <input
                id={`${id}-code`}
                value={code}
                maxLength={64}
                aria-describedby={`${id}-code-hint`}
                onChange={(e) => setCode(e.target.value)}
              />
              <p id={`${id}-code-hint`} className="hint">
                {t('orgs.codeHint')}
              </p>
            </div>
          </div>
        )}
        {mode === 'move' && (
          <div className="field">
            <label htmlFor={`${id}-parent`}>{t('orgs.newParent')}</label>
            <select
              id={`${id}-parent`}
              value={parentId}
              required
              // biome-ignore lint/a11y/noAutofocus: the panel opens for this field
              autoFocus
              onChange={(e) => setParentId(e.target.value)}
            >
              <option value="">{t('orgs.pickParent')}</option>
              {targets.map(({ node: target, depth }) => (
                <option key={target.id} value={target.id}>
                  {'\u3000'.repeat(depth)}
                  {target.name}
                </option>
              ))}
            </select>
            <p className="hint">{t('orgs.moveHint')}</p>
          </div>
        )}
        {confirming && <p className="notice">{t(`orgs.${mode}Confirm`, named)}</p>}
        {failure !== null && (
          <p role="alert" className="error">
            {errorText(failure)}
          </p>
        )}
        <div className="row-actions">
          <button
            type="submit"
            className="primary"
            // biome-ignore lint/a11y/noAutofocus: a confirmation's one question
            autoFocus={confirming}
            disabled={
              busy ||
              ((mode === 'add' || mode === 'edit') && name.trim() === '') ||
              (mode === 'move' && parentId === '')
            }
          >
            {t(`orgs.${mode}Submit`)}
          </button>
          <button type="button" onClick={onCancel}>
            {t('orgs.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
