/**
 * What the designer's benchmarks share: the built app served by a server of its own, the
 * 500-question form, the page's readiness and the typing.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kill9, startServerProcess } from '@yardstick/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { apiToken, PASSWORD, signedInPage } from '../test/harness'
import { bigForm } from './big-form'
import { keystrokeProbe, type ProbeArgs, readinessProbe } from './page-probes'

/** The benchmark form's title; the question typed in, which the peers never touch. */
export const TITLE = '500 题考评表（基准）'
export const TYPED_IN = 'q7'
// Pauses between keystrokes, cycled: quick bursts and the pauses of someone thinking, so the
// work that waits for a pause (validation, the preview) lands between keystrokes too.
const PAUSES_MS = [40, 90, 160, 260]
// ASCII: Playwright types other characters as inserted text, without the keydown timed here.
// No spaces: the tree shows a title trimmed, so a trailing space would never show there.
const TEXT = 'zhibuzuzhishenghuohuianshizhaokai'

/** Creates the 500-question form over the API; returns its id. */
export async function createBenchForm(url: string): Promise<number> {
  const token = await apiToken(url, 'editor@yardstick.local')
  const created = await fetch(`${url}/api/forms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: TITLE, json: bigForm(TITLE) }),
  })
  if (!created.ok) throw new Error(`creating the form: ${created.status} ${await created.text()}`)
  return ((await created.json()) as { id: number }).id
}

/**
 * The editor's browser context, signed in, with the readiness probe in every page; `problems`
 * collects the pages' errors.
 */
export async function editorContext(
  browser: Browser,
  url: string,
): Promise<{ context: BrowserContext; problems: string[] }> {
  const signedIn = await signedInPage(browser, url, 'editor@yardstick.local')
  // One tab at a time: a tab in the background gets no frames.
  await signedIn.page.close()
  // tsx compiles the probes with esbuild's `keepNames`, whose `__name` helper the page lacks.
  await signedIn.context.addInitScript('globalThis.__name = (target) => target')
  await signedIn.context.addInitScript(readinessProbe, TITLE)
  return { context: signedIn.context, problems: signedIn.problems }
}

/**
 * Selects the typed-in question, puts the caret at the end of its zh-CN title and installs the
 * keystroke probe, timing each keystroke until the question's tree row shows it.
 */
export async function focusTitle(page: Page, problems: readonly string[]): Promise<void> {
  await page
    .locator(`.tree-row[data-name="${TYPED_IN}"]`)
    .click()
    .catch((error) => {
      throw new Error(`the tree row of ${TYPED_IN}; page problems: ${problems.join('\n')}`, {
        cause: error,
      })
    })
  await page.locator('[data-field="title:default"]').first().click()
  await page.keyboard.press('End')
  await page.evaluate(keystrokeProbe, [
    '[data-field="title:default"]',
    `.tree-row[data-name="${TYPED_IN}"] .row-title`,
    '[role="tree"]',
  ] as ProbeArgs)
}

/** Opens `url` and returns when the page said it was ready (ms since navigation start). */
export async function timedLoad(page: Page, url: string): Promise<number> {
  await page.goto(url)
  try {
    const handle = await page.waitForFunction(() => window.__benchReadyAt, null, {
      timeout: 60_000,
      polling: 50,
    })
    return (await handle.jsonValue()) as number
  } catch (error) {
    const state = await page.evaluate(() => ({
      path: location.pathname,
      synced: document.querySelector('.connection')?.getAttribute('data-state'),
      badge: document.querySelector('.connection')?.textContent,
      questions: document.querySelectorAll('[role="tree"] .tree-question').length,
      field: document.querySelector('[data-field="title:default"]')?.outerHTML.slice(0, 200),
      links: [...document.querySelectorAll('a')].map((a) => a.textContent).slice(0, 8),
    }))
    throw new Error(`${url} never became ready: ${JSON.stringify(state)}`, { cause: error })
  }
}

/**
 * Types `count` keystrokes, each once the last one was shown, at the cycled pauses; returns the
 * keystroke probe's samples. `offset` continues the text where an earlier call stopped.
 */
export async function typeKeys(
  page: Page,
  count: number,
  offset = 0,
): Promise<{ samples: number[]; missed: number }> {
  const before = await page.evaluate(() => window.__benchKeys?.samples.length ?? 0)
  for (let i = 0; i < count; i++) {
    const at = offset + i
    await page.keyboard.type(TEXT[at % TEXT.length] as string)
    await page
      .waitForFunction((n) => (window.__benchKeys?.samples.length ?? 0) >= n, before + i + 1, {
        timeout: 5000,
        polling: 5,
      })
      .catch(async () => {
        const state = await page
          .evaluate(() => ({
            active: document.activeElement?.outerHTML.slice(0, 160),
            keys: window.__benchKeys,
            url: location.href,
          }))
          .catch((error: Error) => ({ error: error.message }))
        console.warn(`keystroke ${i + 1}: not shown within 5 s`, JSON.stringify(state))
      })
    await page.waitForTimeout(PAUSES_MS[at % PAUSES_MS.length] as number)
  }
  const result = await page.evaluate(() => window.__benchKeys)
  if (!result) throw new Error('the keystroke probe was not installed')
  return { samples: result.samples.slice(before), missed: result.missed }
}

const DESIGNER = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The production build in a folder of its own, served by a server of its own: tests of the other
 * engineers rebuild `apps/designer/dist` at any time, which must not swap the measured bundle.
 */
export async function startBenchServer() {
  const dir = mkdtempSync(join(tmpdir(), 'ys-designer-bench-'))
  const dist = join(dir, 'dist')
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    await build({
      root: DESIGNER,
      configFile: join(DESIGNER, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'error',
      build: { outDir: dist, emptyOutDir: true },
    })
  } finally {
    process.env.NODE_ENV = nodeEnv
  }
  const server = await startServerProcess({
    DATA_DIR: join(dir, 'data'),
    SEED_DEMO: 'true',
    SEED_PASSWORD: PASSWORD,
    DESIGNER_DIST: dist,
  })
  return {
    url: server.url,
    stop: async () => {
      await kill9(server.child)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
