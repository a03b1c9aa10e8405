/**
 * Scripts evaluated in the page. They are plain functions serialised by Playwright, so they may
 * use nothing from outside their own body.
 */

declare global {
  interface Window {
    __benchReadyAt?: number
    __benchKeys?: { samples: number[]; missed: number }
  }
}

/**
 * Installed before the page's own scripts: as the page changes, checks whether the page is ready and
 * stamps `performance.now()` (ms since navigation start) once it is. The editor is ready when the
 * socket is synced, the tree shows question rows and the form's title field can be typed in; the
 * form list is ready when the benchmark form's link is shown.
 */
export function readinessProbe(formTitle: string): void {
  const editorReady = () => {
    const field = document.querySelector<HTMLInputElement>('[data-field="title:default"]')
    return (
      document.querySelector('.connection[data-state="synced"]') !== null &&
      document.querySelector('[role="tree"] .tree-question') !== null &&
      field !== null &&
      !field.readOnly &&
      !field.disabled
    )
  }
  const listReady = () =>
    [...document.querySelectorAll('a')].some((a) => a.textContent?.trim() === formTitle)
  // Checked after every DOM change and every 5 ms (frames alone stop in a tab not shown).
  const check = () => {
    if (window.__benchReadyAt !== undefined) return
    const ready = location.pathname.startsWith('/forms/') ? editorReady() : listReady()
    if (!ready) return
    window.__benchReadyAt = performance.now()
    clearInterval(timer)
    observer.disconnect()
  }
  const timer = setInterval(check, 5)
  const observer = new MutationObserver(check)
  observer.observe(document, { subtree: true, childList: true, attributes: true })
}

/**
 * Times each keystroke in `field` from its `keydown` (capture, before any handler of the page)
 * until the main thread is free again after `shown` (a tree row's title inside `container`,
 * or the field itself) displays the typed text: a `MutationObserver` sees the text, then a `setTimeout(0)` runs after
 * the rest of that task (React's commit and layout effects). Frame waits are left out on purpose:
 * headless Chromium's frame clock would add up to 16.7 ms of idle waiting to every sample.
 */
export type ProbeArgs = [field: string, shown: string | null, container: string | null]

export function keystrokeProbe([fieldSelector, shownSelector, containerSelector]: ProbeArgs): void {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(fieldSelector)
  const container = containerSelector ? document.querySelector(containerSelector) : null
  if (!field || (shownSelector && (!container || !document.querySelector(shownSelector))))
    throw new Error(`keystroke probe: ${fieldSelector} / ${shownSelector} not found`)
  const record = { samples: [] as number[], missed: 0 }
  window.__benchKeys = record
  let pending: { t0: number; text: string | null; done: boolean } | null = null
  const read = () =>
    shownSelector ? (document.querySelector(shownSelector)?.textContent ?? '') : field.value
  const settle = () => {
    if (!pending || pending.done || pending.text === null || read() !== pending.text) return
    pending.done = true
    const { t0 } = pending
    setTimeout(() => record.samples.push(performance.now() - t0), 0)
  }
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.target !== field) return
      if (pending && !pending.done) record.missed++
      pending = { t0: performance.now(), text: null, done: false }
    },
    true,
  )
  field.addEventListener('input', () => {
    if (!pending) return
    pending.text = field.value
    settle()
  })
  if (container)
    new MutationObserver(settle).observe(container, {
      subtree: true,
      childList: true,
      characterData: true,
    })
}
