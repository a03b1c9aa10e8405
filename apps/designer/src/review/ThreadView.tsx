import { type FormEvent, useId, useState } from 'react'
import type { CommentThread } from '../api/comments'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { useComments } from './CommentsContext'

/** One review thread: its comment, replies, a reply box, resolve / reopen. */
export function ThreadView({ thread, disabled }: { thread: CommentThread; disabled: boolean }) {
  const { t, locale } = useI18n()
  const { reply, setResolved } = useComments()
  const id = useId()
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const errorText = useErrorText()
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  const by = (name: string, at: string) =>
    t('comments.by', { author: name, time: time.format(new Date(at)) })

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setFailure(null)
    try {
      await action()
      return true
    } catch (error) {
      setFailure(error)
      return false
    } finally {
      setBusy(false)
    }
  }
  const send = async (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    if (await run(() => reply(thread.id, text.trim()))) setText('')
  }

  return (
    <article
      className={`comment-thread${thread.resolved ? ' resolved' : ''}`}
      data-thread-id={thread.id}
      aria-labelledby={`${id}-by`}
    >
      <p className="comment-body">{thread.body}</p>
      <p id={`${id}-by`} className="muted comment-meta">
        {by(thread.author.name, thread.createdAt)}
      </p>
      {thread.replies.length > 0 && (
        <ol className="comment-replies">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <p className="comment-body">{r.body}</p>
              <p className="muted comment-meta">{by(r.author.name, r.createdAt)}</p>
            </li>
          ))}
        </ol>
      )}
      {thread.resolved && thread.resolvedBy && (
        <p className="muted" role="note">
          {t('comments.resolved', { name: thread.resolvedBy.name })}
        </p>
      )}
      {!disabled && (
        <form className="comment-reply" onSubmit={send}>
          <label htmlFor={`${id}-reply`} className="visually-hidden">
            {t('comments.replyLabel', { author: thread.author.name })}
          </label>
          <textarea
            id={`${id}-reply`}
            rows={2}
            maxLength={2000}
            value={text}
            placeholder={t('comments.replyPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="comment-actions">
            <button type="submit" disabled={busy || !text.trim()}>
              {t('comments.send')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => setResolved(thread.id, !thread.resolved))}
            >
              {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          </div>
        </form>
      )}
      {failure !== null && (
        <p role="alert" className="error">
          {t('comments.failed', { message: errorText(failure) })}
        </p>
      )}
    </article>
  )
}
