import { type FormView, type NodeView, removeElement } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useSelected, useView } from '../EditorContext'
import { useLimitedEdit } from '../limited-edit'
import { SharedTextField } from '../properties/SharedTextField'
import { type TextLocale, textIn } from '../properties/text-value'
import { useConfirmRemove } from '../rules/remove-check'
import { insertTool } from '../toolbox/insert'
import type { OfficeBlocks } from './office-blocks'
import { SaveAsBlock } from './SaveAsBlock'
import { SimpleOptions } from './SimpleOptions'

/** The question a "add a question after this one" adds: single choice, the most common. */
const NEXT_QUESTION = { type: 'radiogroup' } as const

/**
 * The form as respondents read it, editable in place: page, panel and question titles and
 * option texts are shared text fields of the same Yjs document the expert mode edits (so
 * co-editing and each person's undo work alike), in the interface's language. No JSON, no
 * expressions: logic and scores stay in the expert mode.
 */
export function SimpleCanvas({ blocks }: { blocks: OfficeBlocks }) {
  const { t, locale } = useI18n()
  const view = useView()
  const textLocale: TextLocale = locale === 'en' ? 'en' : 'default'
  const numbers = questionNumbers(view)
  const roots = view.pages.length > 0 ? view.pages : view.topElements
  return (
    <section className="simple-canvas" aria-label={t('simple.canvas')} data-testid="simple-canvas">
      {roots.map((id) => {
        const node = view.nodes.get(id)
        if (!node) return null
        if (node.kind !== 'page') {
          return (
            <NodeCard
              key={id}
              node={node}
              view={view}
              numbers={numbers}
              textLocale={textLocale}
              blocks={blocks}
            />
          )
        }
        return (
          <section key={id} className="simple-page" data-page={String(node.json.name)}>
            <SharedTextField
              target={id}
              field="title"
              locale={textLocale}
              value={textIn(node.json.title, textLocale)}
              label={t('simple.pageTitle')}
              hideLabel
            />
            {node.children.length === 0 && <p className="muted">{t('simple.noQuestions')}</p>}
            <ChildCards
              parent={node}
              view={view}
              numbers={numbers}
              textLocale={textLocale}
              blocks={blocks}
            />
          </section>
        )
      })}
    </section>
  )
}

/** Question numbers as respondents see them: every question in document order, from 1. */
function questionNumbers(view: FormView): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const id of view.order) {
    if (view.nodes.get(id)?.kind === 'question') numbers.set(id, numbers.size + 1)
  }
  return numbers
}

interface CardProps {
  node: NodeView
  view: FormView
  numbers: Map<string, number>
  textLocale: TextLocale
  blocks: OfficeBlocks
}

/** The cards of a page's or a panel's elements, in order. */
function ChildCards({ parent, ...card }: Omit<CardProps, 'node'> & { parent: NodeView }) {
  return parent.children.map((child) => {
    const node = card.view.nodes.get(child)
    return node ? <NodeCard key={child} node={node} {...card} /> : null
  })
}

/** One question (or panel, with its questions inside) on the canvas. */
function NodeCard({ node, view, numbers, textLocale, blocks }: CardProps) {
  const { t } = useI18n()
  const { session, select, canWrite, announce } = useEditor()
  const selected = useSelected() === node.id
  const limited = useLimitedEdit()
  const n = numbers.get(node.id) ?? 0
  const name = String(node.json.name ?? '')
  const isPanel = node.kind === 'panel'
  const followUp = typeof node.json.problemOf === 'string'

  const addAfter = () => {
    const id = limited(() => insertTool(session, session.view.get(), node.id, NEXT_QUESTION))
    if (id) {
      select(id)
      announce(t('toolbox.added', { name: t('type.radiogroup') }))
    }
  }
  // Deleting a question that rules read asks first, naming them (as in the expert editor).
  const confirmRemove = useConfirmRemove()
  const remove = () => {
    if (!confirmRemove(node)) return
    if (removeElement(session.doc, node.id, session.origin)) select(node.parent)
  }

  return (
    // A click anywhere on the card selects it: the toolbox then adds after it.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the card's own fields and buttons take focus (focusing one selects it)
    <article
      className={`simple-card${selected ? ' selected' : ''}${isPanel ? ' simple-panel' : ''}`}
      data-name={name}
      // The innermost card only: a question's click is not its panel's too.
      onClick={(event) => {
        event.stopPropagation()
        select(node.id)
      }}
      onFocus={(event) => {
        event.stopPropagation()
        select(node.id)
      }}
    >
      {node.json.type !== 'html' && (
        <SharedTextField
          target={node.id}
          field="title"
          locale={textLocale}
          value={textIn(node.json.title, textLocale)}
          label={isPanel ? t('simple.panelTitle') : t('simple.title', { n })}
          hideLabel
        />
      )}
      {followUp && <p className="hint">{t('simple.followUp')}</p>}
      {!isPanel && !followUp && (
        <SimpleOptions node={node} view={view} n={n} textLocale={textLocale} />
      )}
      {isPanel && (
        <ChildCards
          parent={node}
          view={view}
          numbers={numbers}
          textLocale={textLocale}
          blocks={blocks}
        />
      )}
      {canWrite && !followUp && (
        <div className="simple-actions">
          {!isPanel && (
            <button type="button" onClick={addAfter}>
              + {t('simple.addAfter')}
            </button>
          )}
          <SaveAsBlock node={node} view={view} blocks={blocks} />
          <button type="button" className="danger" onClick={remove}>
            {t('simple.remove')}
          </button>
        </div>
      )}
    </article>
  )
}
