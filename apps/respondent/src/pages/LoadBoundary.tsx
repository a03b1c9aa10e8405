import type { Locale } from '@yardstick/sdk/link'
import { Component, type ReactNode } from 'react'
import { TEXT } from '../i18n'
import { MessagePage } from './MessagePage'

/** Props of `LoadBoundary`. */
export interface LoadBoundaryProps {
  locale: Locale
  children: ReactNode
}

/**
 * Catches a failure to load the form's code (the lazily loaded renderer, on a network that
 * dropped): a page saying so in the respondent's language with a reload button, not a blank
 * screen.
 *
 * @example
 * <LoadBoundary locale="zh-CN"><Suspense …><Answer … /></Suspense></LoadBoundary>
 */
export class LoadBoundary extends Component<LoadBoundaryProps, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    if (!this.state.failed) return this.props.children
    const text = TEXT[this.props.locale]
    return (
      <MessagePage
        kind="rendererFailed"
        heading={text.headings.rendererFailed}
        role="alert"
        actions={
          <button type="button" className="rs-button" onClick={() => window.location.reload()}>
            {text.retry}
          </button>
        }
      >
        <p>{text.rendererFailed}</p>
      </MessagePage>
    )
  }
}
