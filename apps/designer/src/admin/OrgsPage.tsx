import './admin.css'
import type { OrgNode } from '@yardstick/contract'
import { useId, useMemo, useState } from 'react'
import { useErrorText } from '../api/useErrorText'
import { useOrgs } from '../campaigns/useOrgs'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { AdminNav } from './AdminNav'
import { type OrgEdit, OrgEditPanel } from './OrgEditPanel'
import { initiallyOpen, visibleRows } from './org-tree'

/**
 * 组织管理 (`/admin/orgs`): the tree the admin reaches, with each unit's code, type and state
 * (retired units greyed); add a unit below one, edit its name, type or code, move it under
 * another parent, retire or restore it — each in the panel above the tree.
 */
export function OrgsPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const id = useId()
  const orgs = useOrgs()
  const tree = orgs.data?.items ?? []
  const [opened, setOpened] = useState<Set<number> | null>(null)
  const open = useMemo(() => opened ?? initiallyOpen(tree), [opened, tree])
  const [filter, setFilter] = useState('')
  const [edit, setEdit] = useState<OrgEdit | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const rows = visibleRows(tree, open, filter)
  const toggle = (node: OrgNode) => {
    const next = new Set(open)
    if (next.has(node.id)) next.delete(node.id)
    else next.add(node.id)
    setOpened(next)
  }
  const start = (next: OrgEdit) => {
    setDone(null)
    setEdit(next)
  }
  return (
    <main className="page admin">
      <AdminNav current="orgs" />
      <div className="page-head">
        <h1>{t('orgs.title')}</h1>
        <span className="spacer" />
        <Link to="/admin/orgs/import" className="button">
          {t('admin.page.orgImport')}
        </Link>
      </div>
      {orgs.error && (
        <p role="alert" className="error">
          {errorText(orgs.error)}
        </p>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      {edit && (
        <OrgEditPanel
          key={`${edit.mode}:${edit.node.id}`}
          edit={edit}
          tree={tree}
          onCancel={() => setEdit(null)}
          onDone={(message, parentId) => {
            setEdit(null)
            setDone(message)
            if (parentId !== undefined) setOpened(new Set([...open, parentId]))
            orgs.reload()
          }}
        />
      )}
      <div className="filters">
        <label htmlFor={`${id}-filter`}>{t('orgs.filter')}</label>
        <input
          id={`${id}-filter`}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="table-scroll">
        <table className="data-table org-tree">
          <thead>
            <tr>
              <th scope="col">{t('orgs.col.name')}</th>
              <th scope="col">{t('orgs.col.code')}</th>
              <th scope="col">{t('orgs.col.kind')}</th>
              <th scope="col">{t('orgs.col.type')}</th>
              <th scope="col">{t('orgs.col.state')}</th>
              <th scope="col">{t('forms.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, depth, parent }) => (
              <tr
                key={node.id}
                data-org={node.id}
                className={node.retiredAt ? 'retired' : undefined}
                aria-disabled={node.retiredAt ? true : undefined}
              >
                <th scope="row" style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>
                  {parent ? (
                    <button
                      type="button"
                      className="twisty link"
                      aria-expanded={filter ? true : open.has(node.id)}
                      aria-label={t(open.has(node.id) ? 'orgs.collapse' : 'orgs.expand', {
                        name: node.name,
                      })}
                      disabled={Boolean(filter)}
                      onClick={() => toggle(node)}
                    >
                      {filter || open.has(node.id) ? '▾' : '▸'}
                    </button>
                  ) : (
                    <span className="twisty" aria-hidden="true" />
                  )}
                  {node.name}
                </th>
                <td className="mono">{node.code ?? ''}</td>
                <td>{t(`orgKind.${node.kind}`)}</td>
                <td>{node.unitType ? t(`unitType.${node.unitType}`) : ''}</td>
                <td>{node.retiredAt ? t('orgs.retired') : t('orgs.active')}</td>
                <td className="actions">
                  {node.reached && <OrgActions node={node} onStart={start} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  )
}

function OrgActions({ node, onStart }: { node: OrgNode; onStart: (edit: OrgEdit) => void }) {
  const { t } = useI18n()
  const name = { name: node.name }
  if (node.retiredAt) {
    return (
      <button type="button" onClick={() => onStart({ mode: 'restore', node })}>
        <span aria-hidden="true">{t('orgs.restore')}</span>
        <span className="visually-hidden">{t('orgs.restoreOf', name)}</span>
      </button>
    )
  }
  const action = (mode: OrgEdit['mode'], key: 'edit' | 'add' | 'move' | 'retire') => (
    <button type="button" onClick={() => onStart({ mode, node })}>
      <span aria-hidden="true">{t(`orgs.${key}`)}</span>
      <span className="visually-hidden">{t(`orgs.${key}Of`, name)}</span>
    </button>
  )
  return (
    <>
      {node.kind !== 'branch' && action('add', 'add')}
      {action('edit', 'edit')}
      {node.parentId !== null && action('move', 'move')}
      {node.parentId !== null && action('retire', 'retire')}
    </>
  )
}
