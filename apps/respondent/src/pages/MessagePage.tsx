import type { ReactNode } from 'react'

/** Props of `MessagePage`. */
export interface MessagePageProps {
  /** What kind of page this is, for styling and tests (`data-page`). */
  kind: string
  heading: string
  /** The explanation, in the respondent's language. */
  children: ReactNode
  /** Buttons or links under the explanation. */
  actions?: ReactNode
  /** An alert (a refusal) or a plain status. */
  role?: 'alert' | 'status'
}

/**
 * A page with nothing to answer: a heading, what happened and what to do, and actions.
 *
 * @example
 * <MessagePage kind="closed" heading="测评已结束">本次测评已经结束…</MessagePage>
 */
export function MessagePage({ kind, heading, children, actions, role }: MessagePageProps) {
  return (
    <section className={`rs-message rs-${kind}`} data-page={kind} aria-labelledby="rs-heading">
      <h2 id="rs-heading">{heading}</h2>
      <div className="rs-message-body" role={role}>
        {children}
      </div>
      {actions && <div className="rs-actions rs-no-print">{actions}</div>}
    </section>
  )
}
