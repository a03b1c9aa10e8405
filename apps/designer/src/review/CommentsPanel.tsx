import './review.css'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { useErrorText } from '../api/useErrorText'
import { useEditor, useSelected, useView } from '../editor/EditorContext'
import { nodeTitle } from '../editor/labels'
import { useI18n } from '../i18n/I18nProvider'
import { useComments } from './CommentsContext'
import { ThreadView } from './ThreadView'
import { groupThreads } from './threads'

/** A long title cut to fit one line of the panel. */
const shorten = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max)}…` : text)

/**
 * Review comments beside the editor: a box to comment on the selected element, then the
 * threads per element in the document's order (clicking an element's heading selects it);
 * threads whose element was deleted stay, marked. Reviewers comment too: they read the live
 * document but cannot write it.
 */
export function CommentsPanel() {
  const { t, locale } = useI18n()
  // Shown only while its tab is open: it may follow every edit.
  const { form, select } = useEditor()
  const view = useView()
  const selected = useSelected()
  const comments = useComments()
  const id = useId()
  const [showResolved, setShowResolved] = useState(false)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const errorText = useErrorText()
  const groups = useMemo(
    () =>
      groupThreads(comments.threads, view, { showResolved }).map((group) => ({
        ...group,
        node: view.nodes.get(group.elementId),
      })),
    [comments.threads, view, showResolved],
  )
  const open = [...comments.counts.values()].reduce((a, b) => a + b, 0)
  const target = selected ? view.nodes.get(selected) : undefined
  const targetName = typeof target?.json.name === 'string' ? target.json.name : ''

  const post = async (event: FormEvent) => {
    event.preventDefault()
    if (!target || !text.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      await comments.open({
        elementId: target.id,
        elementName: targetName || target.id,
        body: text.trim(),
      })
      setText('')
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="comments">
      <div className="preview-tools">
        <h2 className="panel-title">{t('comments.label')}</h2>
        <span className="muted">{t('comments.openCount', { n: open })}</span>
        <label>
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => setShowResolved(e.target.checked)}
          />{' '}
          {t('comments.showResolved')}
        </label>
      </div>
      {form.archived ? (
        <p className="muted">{t('comments.archived')}</p>
      ) : target ? (
        <form className="comment-new" onSubmit={post}>
          <label htmlFor={`${id}-new`}>
            {t('comments.on', { name: shorten(nodeTitle(target, locale)) })}
          </label>
          <textarea
            id={`${id}-new`}
            rows={3}
            maxLength={2000}
            value={text}
            placeholder={t('comments.newPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            {t('comments.post')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('comments.pickElement')}</p>
      )}
      {failure !== null && (
        <p role="alert" className="error">
          {t('comments.failed', { message: errorText(failure) })}
        </p>
      )}
      {comments.error && <p className="error">{errorText(comments.error)}</p>}
      {comments.loaded && groups.length === 0 && <p className="muted">{t('comments.empty')}</p>}
      {groups.map((group) => (
        <section
          key={group.elementId}
          className={`comment-group${group.orphaned ? ' orphaned' : ''}`}
          data-element-id={group.elementId}
          data-element-name={group.name}
        >
          <h3>
            {group.orphaned ? (
              <>
                <code>{group.name}</code>{' '}
                <span className="badge-orphaned">{t('comments.orphaned')}</span>
              </>
            ) : (
              <button
                type="button"
                className="link-button"
                aria-label={t('comments.element', { name: group.name })}
                onClick={() => select(group.elementId)}
              >
                <code>{group.name}</code>
              </button>
            )}
            {group.node && (
              <span className="muted comment-title"> {shorten(nodeTitle(group.node, locale))}</span>
            )}
          </h3>
          {group.threads.map((thread) => (
            <ThreadView key={thread.id} thread={thread} disabled={form.archived} />
          ))}
        </section>
      ))}
    </div>
  )
}
