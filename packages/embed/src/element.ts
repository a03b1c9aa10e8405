import type { LinkError, LinkSubmitted, LinkView } from '@yardstick/sdk'
import { readAttributes } from './attributes'
import { EMBED_EVENTS, type ErrorDetail, type ReadyDetail, type SubmittedDetail } from './events'
import type { MountedSurvey } from './renderer'
import { EMBED_CSS } from './styles'

/** Loads the renderer module (`./renderer`): the ES entry and the classic script each say how. */
export type LoadRenderer = () => Promise<{
  mount: (shadow: ShadowRoot, ownCss: string) => MountedSurvey
}>

/** The tag name. */
export const TAG = 'yardstick-survey'

/** Resolves once the page's `load` event has fired, so the portal paints before the survey loads. */
function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve()
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }))
}

/**
 * Defines `<yardstick-survey server link token locale>` (once; a second call is a no-op), whose
 * survey renders in an open shadow root from the lazily loaded renderer.
 *
 * @example
 * defineYardstickSurvey(() => import('./renderer'))
 */
export function defineYardstickSurvey(load: LoadRenderer): void {
  if (customElements.get(TAG)) return
  customElements.define(TAG, surveyElement(load))
}

function surveyElement(load: LoadRenderer) {
  return class YardstickSurveyElement extends HTMLElement {
    static observedAttributes = ['server', 'link', 'token', 'locale']
    readonly #shadow = this.attachShadow({ mode: 'open' })
    #mounted: Promise<MountedSurvey | null> | null = null
    #scheduled = false

    connectedCallback(): void {
      this.#schedule()
    }

    disconnectedCallback(): void {
      const mounted = this.#mounted
      this.#mounted = null
      void mounted?.then((survey) => survey?.unmount())
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.#schedule()
    }

    /** One render for every change made in one task (an upgrade reports each attribute). */
    #schedule(): void {
      if (this.#scheduled) return
      this.#scheduled = true
      queueMicrotask(() => {
        this.#scheduled = false
        void this.#render()
      })
    }

    async #render(): Promise<void> {
      const read = readAttributes((name) => this.getAttribute(name))
      if (!read.ok) {
        this.#message(read.message)
        this.#emit(EMBED_EVENTS.error, {
          code: 'badAttributes',
          status: 0,
          message: read.message,
          details: null,
        })
        return
      }
      this.#mounted ??= this.#mount()
      const survey = await this.#mounted
      if (!survey || !this.isConnected) return
      const current = readAttributes((name) => this.getAttribute(name))
      if (!current.ok) return
      survey.update({
        ...current.value,
        onReady: (view: LinkView) => this.#emit(EMBED_EVENTS.ready, readyDetail(view)),
        onSubmitted: (submitted: LinkSubmitted, view: LinkView | null) =>
          this.#emit(EMBED_EVENTS.submitted, submittedDetail(submitted, view)),
        onError: (error: LinkError) => this.#emit(EMBED_EVENTS.error, error),
      })
    }

    async #mount(): Promise<MountedSurvey | null> {
      this.#message(
        this.getAttribute('locale')?.startsWith('en') ? 'Loading the survey…' : '正在加载问卷…',
        'status',
      )
      await pageLoaded()
      try {
        const { mount } = await load()
        return mount(this.#shadow, EMBED_CSS)
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        const message = `<yardstick-survey>: the survey renderer could not be loaded (${why})`
        this.#message(message)
        this.#emit(EMBED_EVENTS.error, { code: 'network', status: 0, message, details: null })
        this.#mounted = null
        return null
      }
    }

    #message(text: string, role: 'status' | 'alert' = 'alert'): void {
      const style = document.createElement('style')
      style.textContent = EMBED_CSS
      const p = document.createElement('p')
      p.setAttribute('role', role)
      p.className = role === 'alert' ? 'ys-error' : 'ys-notice'
      p.textContent = text
      this.#shadow.replaceChildren(style, p)
    }

    #emit(name: string, detail: ReadyDetail | SubmittedDetail | ErrorDetail): void {
      this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }))
    }
  }
}

function readyDetail(view: LinkView): ReadyDetail {
  const { campaign, unit, source } = view
  return { campaign: { id: campaign.id, name: campaign.name }, unit, source }
}

function submittedDetail(submitted: LinkSubmitted, view: LinkView | null): SubmittedDetail {
  const detail: SubmittedDetail = { id: submitted.id, replayed: submitted.replayed }
  if (view?.showScore && submitted.score) detail.score = submitted.score
  return detail
}
