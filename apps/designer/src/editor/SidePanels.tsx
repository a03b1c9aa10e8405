import { type KeyboardEvent, useId, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { useComments } from '../review/CommentsContext'
import { CommentsPanel } from '../review/CommentsPanel'
import { PreviewPanel } from './preview/PreviewPanel'
import { VersionsPanel } from './publish/VersionsPanel'
import { useValidation } from './validation/useValidation'
import { ValidationPanel } from './validation/ValidationPanel'

const TABS = ['preview', 'validation', 'versions', 'comments'] as const
type Tab = (typeof TABS)[number]

/** Tabs beside the properties: live preview with its score, validation, versions, comments. */
export function SidePanels() {
  const { t } = useI18n()
  const validation = useValidation()
  const openComments = [...useComments().counts.values()].reduce((a, b) => a + b, 0)
  const [tab, setTab] = useState<Tab>('preview')
  const id = useId()
  const errors = validation.errors.length

  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    event.preventDefault()
    const next = TABS[(at + step + TABS.length) % TABS.length] as Tab
    setTab(next)
    document.getElementById(`${id}-${next}`)?.focus()
  }

  return (
    <div className="side-panels">
      <div role="tablist" aria-label={t('editor.tabs')} className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            id={`${id}-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${id}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`editor.tab.${name}`)}
            {name === 'validation' && (
              <span className={`count${errors ? ' count-bad' : ''}`}>{errors}</span>
            )}
            {name === 'comments' && openComments > 0 && (
              <span className="count comment-count">{openComments}</span>
            )}
          </button>
        ))}
      </div>
      {TABS.map((name) => (
        <div
          key={name}
          id={`${id}-${name}-panel`}
          role="tabpanel"
          aria-labelledby={`${id}-${name}`}
          hidden={tab !== name}
          className="tab-panel"
        >
          {name === 'preview' && <PreviewPanel />}
          {name === 'validation' && <ValidationPanel validation={validation} />}
          {name === 'versions' && tab === 'versions' && <VersionsPanel />}
          {name === 'comments' && tab === 'comments' && <CommentsPanel />}
        </div>
      ))}
    </div>
  )
}
