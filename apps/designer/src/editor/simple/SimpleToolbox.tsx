import type { ElementJson } from '@yardstick/sdk'
import { memo, useCallback } from 'react'
import { useErrorText } from '../../api/useErrorText'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'
import { insertTool, type Tool } from '../toolbox/insert'
import type { Block, QuestionType } from '../toolbox/tools'
import type { OfficeBlocks, Block as SavedBlock } from './office-blocks'

/** The question types office staff use most (问卷星's first row). */
export const COMMON_TYPES = [
  'radiogroup',
  'checkbox',
  'dropdown',
  'text',
  'comment',
  'rating',
  'boolean',
] as const satisfies readonly QuestionType[]
/** Our domain blocks: a 是否 item with its 问题清单, a satisfaction rating, a scored indicator. */
export const DOMAIN_BLOCKS = [
  'selfCheckItem',
  'satisfactionItem',
  'indicator',
] as const satisfies readonly Block[]

/**
 * The simple mode's toolbox: common types, domain blocks and the office's own blocks; each
 * click adds after the selected question (or at the end), as one edit this editor can undo.
 */
export function SimpleToolbox({ blocks }: { blocks: OfficeBlocks }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const { session, selection, select, canWrite, announce } = useEditor()
  const limited = useLimitedEdit()

  const add = useCallback(
    (tool: Tool, message: string) => {
      const id = limited(() => insertTool(session, session.view.get(), selection.get(), tool))
      if (id) {
        select(id)
        announce(message)
      }
    },
    [session, selection, select, announce, limited],
  )

  return (
    <section className="toolbox simple-toolbox" aria-label={t('simple.toolbox')}>
      <h2 className="panel-title">{t('simple.toolbox')}</h2>
      <p className="hint">{t('simple.toolboxHint')}</p>
      <h3>{t('simple.common')}</h3>
      <ul className="tools">
        {COMMON_TYPES.map((type) => (
          <li key={type}>
            <ToolButton
              name={type}
              label={t(`type.${type}`)}
              disabled={!canWrite}
              onClick={() => add({ type }, t('toolbox.added', { name: t(`type.${type}`) }))}
            />
          </li>
        ))}
      </ul>
      <h3>{t('simple.domain')}</h3>
      <ul className="tools">
        {DOMAIN_BLOCKS.map((block) => (
          <li key={block}>
            <ToolButton
              name={block}
              label={t(`block.${block}`)}
              disabled={!canWrite}
              onClick={() => add({ block }, t('toolbox.added', { name: t(`block.${block}`) }))}
            />
          </li>
        ))}
      </ul>
      <h3>{t('blocks.title')}</h3>
      {blocks.error !== null && blocks.error !== undefined && (
        <p role="alert" className="error">
          {errorText(blocks.error)}
        </p>
      )}
      {blocks.items?.length === 0 && <p className="muted">{t('blocks.empty')}</p>}
      <ul className="tools office-blocks" data-testid="office-blocks">
        {blocks.items?.map((block) => (
          <SavedBlockRow
            key={block.id}
            block={block}
            disabled={!canWrite}
            onInsert={() =>
              add(
                { saved: block.elements as ElementJson[] },
                t('blocks.inserted', { name: block.name }),
              )
            }
            onRemove={() =>
              blocks.remove(block).then(() => announce(t('blocks.deleted', { name: block.name })))
            }
          />
        ))}
      </ul>
    </section>
  )
}

const ToolButton = memo(function ToolButton({
  name,
  label,
  disabled,
  onClick,
}: {
  name: string
  label: string
  disabled: boolean
  onClick: () => void
}) {
  return (
    <button type="button" data-tool={name} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  )
})

/** One of the office's blocks: insert it here, or delete it for the whole office. */
function SavedBlockRow({
  block,
  disabled,
  onInsert,
  onRemove,
}: {
  block: SavedBlock
  disabled: boolean
  onInsert: () => void
  onRemove: () => void
}) {
  const { t } = useI18n()
  return (
    <li className="office-block" data-block={block.name}>
      <button
        type="button"
        disabled={disabled}
        aria-label={t('blocks.insert', { name: block.name })}
        onClick={onInsert}
      >
        {block.name}
      </button>
      <button
        type="button"
        className="link-button"
        disabled={disabled}
        aria-label={t('blocks.delete', { name: block.name })}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  )
}
