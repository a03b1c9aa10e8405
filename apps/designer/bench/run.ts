/**
 * `pnpm bench` for the designer: the built app served by the real server, driven in real
 * Chromium, with four other editors (Node `y-websocket` clients) on the same 500-question form.
 * Prints a Markdown table for BENCHMARKS.md. Measures, never asserts.
 */
import { chromium, type Page } from 'playwright-core'
import { apiToken, CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../test/harness'
import { QUESTIONS } from './big-form'
import { keystrokeProbe, type ProbeArgs } from './page-probes'
import { connectPeers } from './peers'
import { startProfile } from './profile'
import {
  createBenchForm,
  editorContext,
  focusTitle,
  startBenchServer,
  TYPED_IN,
  timedLoad,
  typeKeys,
} from './setup'
import { median, ms, summary } from './stats'

const LOADS = Number(process.env.BENCH_LOADS ?? 5)
const KEYSTROKES = Number(process.env.BENCH_KEYS ?? 120)

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

async function main() {
  if (!chromiumAvailable('designer bench')) throw new Error(`the designer bench needs ${CHROMIUM}`)
  const started = Date.now()
  const server = await startBenchServer()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const formId = await createBenchForm(server.url)
    const peerToken = await apiToken(server.url, 'admin@yardstick.local')
    const peers = await connectPeers(server.url, formId, peerToken, 4, (name) => name === TYPED_IN)

    const { context, problems } = await editorContext(browser, server.url)
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

    await focusTitle(page, problems)
    // What the browser walks on every keystroke (layout, paint, its own form tracking).
    const elements = await page.evaluate(() => ({
      page: document.querySelectorAll('*').length,
      controls: document.querySelectorAll('input, select, textarea, button, option').length,
      preview: document.querySelectorAll('.editor-right *').length,
    }))
    console.log('elements in the page while typing:', JSON.stringify(elements))
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
