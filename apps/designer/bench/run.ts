/**
 * `pnpm bench` for the designer: the built app served by the real server, driven in real
 * Chromium, with four other editors (Node `y-websocket` clients) on the same 500-question form.
 * Prints a Markdown table for BENCHMARKS.md. Measures, never asserts.
 */
import { chromium, type Page } from 'playwright-core'
import {
  apiToken,
  buildDesigner,
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  signedInPage,
  startTestServer,
} from '../test/harness'
import { bigForm, QUESTIONS } from './big-form'
import { keystrokeProbe, readinessProbe } from './page-probes'
import { connectPeers } from './peers'
import { median, ms, summary } from './stats'

const TITLE = '500 题考评表（基准）'
const TYPED_IN = 'q7'
const LOADS = 5
const KEYSTROKES = 120
const PAUSE_MS = 60
const TEXT = '支部组织生活会按时召开并认真整改问题清单'

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
      .catch(() => undefined)
    await page.waitForTimeout(PAUSE_MS)
  }
  const result = await page.evaluate(() => window.__benchKeys)
  if (!result) throw new Error('the keystroke probe was not installed')
  return result
}

async function main() {
  if (!chromiumAvailable('designer bench')) throw new Error(`the designer bench needs ${CHROMIUM}`)
  const started = Date.now()
  await buildDesigner()
  const server = await startTestServer()
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
    await page.locator(`.tree-row[data-name="${TYPED_IN}"]`).click()
    const field = page.locator('[data-field="title:default"]').first()
    await field.click()
    await page.keyboard.press('End')
    const rowTitle = `.tree-row[data-name="${TYPED_IN}"] .row-title`
    await page.evaluate(keystrokeProbe, ['[data-field="title:default"]', rowTitle, '[role="tree"]'])
    const editorKeys = await typeKeys(page, KEYSTROKES)

    // Baseline on the same page, same moment: a bare <textarea> no script listens to.
    await page.evaluate(() => {
      const bare = document.createElement('textarea')
      bare.id = 'bench-bare'
      bare.setAttribute('aria-label', 'bench')
      bare.style.cssText = 'position:fixed;bottom:0;left:0;width:200px;height:40px;z-index:9999'
      document.body.append(bare)
    })
    await page.locator('#bench-bare').click()
    await page.evaluate(keystrokeProbe, ['#bench-bare', null, null])
    const bareKeys = await typeKeys(page, KEYSTROKES)
    const peerEdits = peers.edits()
    peers.stop()

    const load = median(loads)
    const list = median(lists)
    const keys = summary(editorKeys.samples)
    const bare = summary(bareKeys.samples)
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
          `bare textarea: ${ms(bare[s])}`,
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
