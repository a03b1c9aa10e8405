import { LinkSurvey, type YardstickLinkProps } from '@yardstick/sdk/react'
import { createRoot } from 'react-dom/client'
import { settings } from 'survey-core'
// The stylesheet goes into the shadow root only (the document never sees it).
import surveyCss from 'survey-core/survey-core.min.css?inline'

/** What the element passes on: the link attributes and its event dispatchers. */
export type RendererProps = Pick<
  YardstickLinkProps,
  'server' | 'link' | 'token' | 'locale' | 'onReady' | 'onSubmitted' | 'onError'
>

/** A survey drawn into one shadow root. */
export interface MountedSurvey {
  update(props: RendererProps): void
  unmount(): void
}

/**
 * Draws the SDK's `LinkSurvey` (`<YardstickSurvey link>`'s link mode: fetch, submit, retries, offline queue)
 * into `shadow`, with survey-core's CSS and the element's own (`ownCss`, passed in so this chunk
 * shares no module with the element's: the classic script loads it alone). This module is the heavy part (React,
 * survey-core, survey-react-ui): the element imports it lazily, once the portal has loaded.
 *
 * @example
 * const survey = mount(element.shadowRoot, EMBED_CSS)
 * survey.update({ server, link, onReady })
 */
export function mount(shadow: ShadowRoot, ownCss: string): MountedSurvey {
  const style = document.createElement('style')
  style.textContent = `${surveyCss}\n${ownCss}`
  const container = document.createElement('div')
  container.className = 'ys-root'
  shadow.replaceChildren(style, container)
  const root = createRoot(container)
  return {
    update(props) {
      // SurveyJS looks for its root, popups (dropdown lists) and style sheets here; the setting
      // is global, so each survey claims it as it renders (one interactive survey at a time).
      settings.environment = {
        ...settings.environment,
        root: shadow,
        rootElement: shadow,
        popupMountContainer: container,
        svgMountContainer: container,
        stylesSheetsMountContainer: container,
      }
      root.render(<LinkSurvey {...props} />)
    },
    unmount() {
      root.unmount()
    },
  }
}
