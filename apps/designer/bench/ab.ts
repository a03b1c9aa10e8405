/**
 * `pnpm --filter @yardstick/designer bench:ab`: whether a change to the page moves the keystroke
 * figure, measured inside one page so both sides see the same machine. Keystrokes go in blocks of
 * 20, alternating between the page as it is (A) and the page after `AB_ON` ran (B; `AB_OFF`
 * undoes it before each A block): scripts evaluated in the page, such as a CSS rule switched on.
 * Same set-up as `pnpm bench` (the built app, its own server, the 500-question form, four peers).
 * Prints p50 / p95 / max of each side. Measures, never asserts.
 *
 * @example
 * AB_ON="document.body.classList.add('x')" AB_OFF="document.body.classList.remove('x')" \
 *   pnpm --filter @yardstick/designer bench:ab
 */
import { chromium } from 'playwright-core'
import { apiToken, CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../test/harness'
import { connectPeers } from './peers'
import {
  createBenchForm,
  editorContext,
  focusTitle,
  startBenchServer,
  TYPED_IN,
  timedLoad,
  typeKeys,
} from './setup'
import { ms, summary } from './stats'

const ON = process.env.AB_ON
const OFF = process.env.AB_OFF
const BLOCKS = Number(process.env.AB_BLOCKS ?? 8)
const PEERS = Number(process.env.AB_PEERS ?? 4)
const PER_BLOCK = 20

async function main() {
  if (!ON || !OFF) throw new Error('AB_ON and AB_OFF: the page scripts that switch B on and off')
  if (!chromiumAvailable('designer A/B bench')) throw new Error(`the A/B bench needs ${CHROMIUM}`)
  const server = await startBenchServer()
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  try {
    const formId = await createBenchForm(server.url)
    const peerToken = await apiToken(server.url, 'admin@yardstick.local')
    const peers = await connectPeers(server.url, formId, peerToken, PEERS, (n) => n === TYPED_IN)
    const { context, problems } = await editorContext(browser, server.url)
    const page = await context.newPage()
    await timedLoad(page, `${server.url}/forms/${formId}`)
    await page.waitForTimeout(3000)
    await focusTitle(page, problems)
    const sides = { A: [] as number[], B: [] as number[] }
    let missed = 0
    for (let block = 0; block < BLOCKS * 2; block++) {
      const side = block % 2 === 0 ? 'A' : 'B'
      await page.evaluate(side === 'A' ? OFF : ON)
      await page.waitForTimeout(300)
      const typed = await typeKeys(page, PER_BLOCK, block * PER_BLOCK)
      sides[side].push(...typed.samples)
      missed = typed.missed
    }
    peers.stop()
    console.log(
      `\nA/B, ${new Date().toISOString()}, ${PEERS} peers, ${BLOCKS} blocks of ${PER_BLOCK} a side`,
    )
    console.log(`B: ${ON}\n`)
    console.log('| side | n | p50 | p95 | max |')
    console.log('| --- | ---: | ---: | ---: | ---: |')
    for (const [side, samples] of Object.entries(sides)) {
      const s = summary(samples)
      console.log(`| ${side} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`)
    }
    console.log(`\nmissed keystrokes: ${missed}`)
    if (problems.length > 0) console.log(`\nPage problems:\n${problems.join('\n')}`)
  } finally {
    await browser.close()
    await server.stop()
  }
}

await main()
