/**
 * `pnpm bench` for the designer: the built app served by the real server, driven in real
 * Chromium, with four other editors (Node `y-websocket` clients) on the same 500-question form.
 * Prints a Markdown table for BENCHMARKS.md. Measures, never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import { kill9, startServerProcess } from '../../server/test/collab/processes'
import {
  apiToken,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  PASSWORD,
  signedInPage,
} from '../test/harness'
import { bigForm, QUESTIONS } from './big-form'
import { keystrokeProbe, type ProbeArgs, readinessProbe } from './page-probes'
import { connectPeers } from './peers'
import { startProfile } from './profile'
import { median, ms, summary } from './stats'

const TITLE = '500 题考评表（基准）'
const TYPED_IN = 'q7'
const LOADS = Number(process.env.BENCH_LOADS ?? 5)
const KEYSTROKES = Number(process.env.BENCH_KEYS ?? 120)
// Pauses between keystrokes, cycled: quick bursts and the pauses of someone thinking, so the
// work that waits for a pause (validation, the preview) lands between keystrokes too.
const PAUSES_MS = [40, 90, 160, 260]
// ASCII: Playwright types other characters as inserted text, without the keydown timed here.
// No spaces: the tree shows a title trimmed, so a trailing space would never show there.
const TEXT = 'zhibuzuzhishenghuohuianshizhaokai'

async function timedLoad(page: Page, url: string): Promise<number> {
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

async function typeKeys(page: Page, count: number): Promise<{ samples: number[]; missed: number }> {
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(TEXT[i % TEXT.length] as string)
    await page
      .waitForFunction((n) => (window.__benchKeys?.samples.length ?? 0) >= n, i + 1, {
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
    await page.waitForTimeout(PAUSES_MS[i % PAUSES_MS.length] as number)
  }
  const result = await page.evaluate(() => window.__benchKeys)
  if (!result) throw new Error('the keystroke probe was not installed')
  return result
}

/** Long tasks (> 50 ms) on the page's main thread during `ms`: count, total and longest. */
async function longTasksDuring(page: Page, ms: number) {
  return page.evaluate(
    (wait) =>
      new Promise<{ count: number; total: number; longest: number }>((resolve) => {
        const durations: number[] = []
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) durations.push(entry.duration)
        })
        observer.observe({ type: 'longtask', buffered: false })
        setTimeout(() => {
          observer.disconnect()
          resolve({
            count: durations.length,
            total: Math.round(durations.reduce((a, b) => a + b, 0)),
            longest: Math.round(Math.max(0, ...durations)),
          })
        }, wait)
      }),
    ms,
  )
}

const DESIGNER = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The production build in a folder of its own, served by a server of its own: tests of the other
 * engineers rebuild `apps/designer/dist` at any time, which must not swap the measured bundle.
 */
async function startBenchServer() {
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

async function main() {
  if (!chromiumAvailable('designer bench')) throw new Error(`the designer bench needs ${CHROMIUM}`)
  const started = Date.now()
  const server = await startBenchServer()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const token = await apiToken(server.url, 'editor@yardstick.local')
    const created = await fetch(`${server.url}/api/forms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: TITLE, json: bigForm(TITLE) }),
    })
    if (!created.ok) throw new Error(`creating the form: ${created.status} ${await created.text()}`)
    const formId = ((await created.json()) as { id: number }).id
    const peerToken = await apiToken(server.url, 'admin@yardstick.local')
    const peers = await connectPeers(server.url, formId, peerToken, 4, (name) => name === TYPED_IN)

    const signedIn = await signedInPage(browser, server.url, 'editor@yardstick.local')
    const { context, problems } = signedIn
    // One tab at a time: a tab in the background gets no frames.
    await signedIn.page.close()
    // tsx compiles the probes with esbuild's `keepNames`, whose `__name` helper the page lacks.
    await context.addInitScript('globalThis.__name = (target) => target')
    await context.addInitScript(readinessProbe, TITLE)
    const editorUrl = `${server.url}/forms/${formId}`
    const listUrl = `${server.url}/`
    const loads: number[] = []
    const lists: number[] = []
    // One warm-up of each (the HTTP cache, IndexedDB's first copy of the form), then alternate.
    for (let run = 0; run <= LOADS; run++) {
      for (const [url, into] of [
        [editorUrl, loads],
        [listUrl, lists],
      ] as const) {
        const page = await context.newPage()
        const at = await timedLoad(page, url)
        if (run > 0) into.push(at)
        await page.close()
      }
    }

    const page = await context.newPage()
    await timedLoad(page, editorUrl)
    await page.waitForTimeout(3000)
    const idle = await longTasksDuring(page, 5000)
    console.log('long tasks in 5 s after load, 4 peers active:', JSON.stringify(idle))

    await page
      .locator(`.tree-row[data-name="${TYPED_IN}"]`)
      .click()
      .catch((error) => {
        throw new Error(`the tree row of ${TYPED_IN}; page problems: ${problems.join('\n')}`, {
          cause: error,
        })
      })
    const field = page.locator('[data-field="title:default"]').first()
    await field.click()
    // What the browser walks on every keystroke (layout, paint, its own form tracking).
    const elements = await page.evaluate(() => ({
      page: document.querySelectorAll('*').length,
      controls: document.querySelectorAll('input, select, textarea, button, option').length,
      preview: document.querySelectorAll('.editor-right *').length,
    }))
    console.log('elements in the page while typing:', JSON.stringify(elements))
    await page.keyboard.press('End')
    const rowTitle = `.tree-row[data-name="${TYPED_IN}"] .row-title`
    await page.evaluate(keystrokeProbe, [
      '[data-field="title:default"]',
      rowTitle,
      '[role="tree"]',
    ] as ProbeArgs)
    const profiling = process.env.BENCH_PROFILE ? await startProfile(page) : null
    const tracing = process.env.BENCH_TRACE
    if (tracing) {
      await browser.startTracing(page, {
        path: tracing,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'toplevel',
          'blink.user_timing',
          'input',
          'benchmark',
        ],
      })
    }
    const editorKeys = await typeKeys(page, KEYSTROKES)
    if (tracing) await browser.stopTracing()
    await profiling?.()

    // Baseline on the same page, same moment: a bare <textarea> no script listens to.
    await page.evaluate(() => {
      const bare = document.createElement('textarea')
      bare.id = 'bench-bare'
      bare.setAttribute('aria-label', 'bench')
      bare.style.cssText = 'position:fixed;bottom:0;left:0;width:200px;height:40px;z-index:9999'
      document.body.append(bare)
    })
    await page.locator('#bench-bare').click()
    await page.evaluate(keystrokeProbe, ['#bench-bare', null, null] as ProbeArgs)
    const bareKeys = await typeKeys(page, KEYSTROKES)
    const peerEdits = peers.edits()
    peers.stop()
    await page.close()

    // The harness's own floor: the same keystrokes into a textarea on an empty page (Playwright's
    // input through the DevTools protocol, the renderer's input handling and one frame).
    // A context of its own: none of the editor's probes run there.
    const blank = await browser.newPage()
    await blank.setContent('<textarea id="bench-blank" aria-label="bench"></textarea>')
    await blank.evaluate('globalThis.__name = (target) => target')
    await blank.locator('#bench-blank').click()
    await blank.evaluate(keystrokeProbe, ['#bench-blank', null, null] as ProbeArgs)
    const blankKeys = await typeKeys(blank, KEYSTROKES)

    const load = median(loads)
    const list = median(lists)
    const keys = summary(editorKeys.samples)
    const bare = summary(bareKeys.samples)
    const empty = summary(blankKeys.samples)
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`
    console.log(`\nDesigner bench, ${new Date().toISOString()}, ${QUESTIONS} questions, 5 editors`)
    console.log(`(the browser + 4 Node peers that made ${peerEdits} edits during the run)\n`)
    console.log(row(['measure', 'result', 'baseline (same run)', 'target']))
    console.log(row(['---', '---:', '---:', '---:']))
    console.log(
      row([
        `open the form → editable (median of ${LOADS}; runs ${loads.map((v) => v.toFixed(0)).join(', ')} ms)`,
        `**${ms(load)}**`,
        `form list shown: ${ms(list)}`,
        '< 1500 ms',
      ]),
    )
    for (const [name, s] of [
      ['p50', 'p50'],
      ['p95', 'p95'],
      ['max', 'max'],
    ] as const) {
      console.log(
        row([
          `keystroke in a question title → tree row shows it, ${name} (n = ${keys.n}, missed ${editorKeys.missed})`,
          `**${ms(keys[s])}**`,
          `bare textarea, same page: ${ms(bare[s])}; on an empty page: ${ms(empty[s])}`,
          '< 16 ms',
        ]),
      )
    }
    if (problems.length > 0) console.log(`\nPage problems:\n${problems.join('\n')}`)
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
