import { join } from 'node:path'
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core'
import { PASSWORD } from './demo-server'

/** Where the committed screenshots go (docs/screenshots, linked from the READMEs). */
export const SCREENSHOTS = join(import.meta.dirname, '../../../docs/screenshots')

/** A browser page with its console errors and page errors collected. */
export interface OpenedPage {
  context: BrowserContext
  page: Page
  problems: string[]
}

// survey-core logs this once per page: the shipped pair differs on purpose (see the SDK README).
const VERSION_NOTICE = /SurveyJS libraries should have the same versions/

/**
 * Collects a page's console errors and warnings (but survey-core's version notice) and its page
 * errors, for a test to expect none; `ignore` passes over messages a test provokes on purpose.
 *
 * @example
 * const problems = collectProblems(page)
 */
export function collectProblems(
  page: Page,
  ignore: (message: ConsoleMessage) => boolean = () => false,
): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return
    if (VERSION_NOTICE.test(message.text()) || ignore(message)) return
    problems.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return problems
}

/**
 * A fresh browser context (its own storage, like another person's computer) signed in by the
 * designer's login page, once the home that user's roles land on
 * (apps/designer/src/home/home-route.ts) shows its heading — `landing` when given (e.g. 支部自检自查
 * for a secretary), else whichever it is.
 *
 * @example
 * const { page, problems } = await signedInPage(browser, server.url, 'admin@yardstick.local')
 */
export async function signedInPage(
  browser: Browser,
  url: string,
  email: string,
  landing?: string,
  { editorMode = 'expert' }: SignedInOptions = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: 1500, height: 950 },
    locale: 'zh-CN',
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const problems = collectProblems(page)
  await page.goto(url)
  await page.getByLabel('邮箱').fill(email)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  if (landing) await page.getByRole('heading', { name: landing, exact: true }).waitFor()
  else await page.locator('.app-header ~ main h1').first().waitFor()
  if (editorMode === 'expert') await chooseExpertEditor(page)
  return { context, page, problems }
}

/** How `signedInPage` opens the designer's form editor. */
export interface SignedInOptions {
  /**
   * `expert` (default): this user already chose the expert editor (tree, properties) on this
   * device, as the editor's tests drive it; `simple`: a new editor, who lands in simple mode.
   */
  editorMode?: 'simple' | 'expert'
}

/**
 * Records the expert mode as the signed-in user's choice on this device, under the key the
 * designer reads (`storedEditorMode`, apps/designer/src/editor/simple/editor-mode.ts).
 */
async function chooseExpertEditor(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const me = await fetch('/api/me')
    if (!me.ok) return
    const { id } = (await me.json()) as { id: number }
    const storage = (
      globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
    ).localStorage
    storage.setItem(`yardstick.editorMode.${id}`, 'expert')
  })
}

// What decodeQr uses of the page's globals, typed here rather than with the DOM library: the
// database and server tests, which import this package, type-check it without DOM.
interface PageGlobals {
  Image: new () => PageImage
  document: { createElement(tag: 'canvas'): PageCanvas }
}
interface PageImage {
  src: string
  naturalWidth: number
  naturalHeight: number
  decode(): Promise<void>
}
interface PageCanvas {
  width: number
  height: number
  getContext(kind: '2d'): {
    drawImage(image: PageImage, x: number, y: number): void
    getImageData(
      x: number,
      y: number,
      width: number,
      height: number,
    ): { data: ArrayLike<number>; width: number; height: number }
  } | null
}

/**
 * Decodes the QR code in a screenshot (PNG), as a phone reads a printed slip: its pixels read by
 * the browser, decoded by jsQR.
 *
 * @example
 * const url = await decodeQr(page, await slip.locator('img.qr').screenshot())
 */
export async function decodeQr(page: Page, png: Buffer): Promise<string | null> {
  const image = await page.evaluate(async (base64) => {
    const { Image, document } = globalThis as unknown as PageGlobals
    const img = new Image()
    img.src = `data:image/png;base64,${base64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.drawImage(img, 0, 0)
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height)
    return { data: Array.from(data), width, height }
  }, png.toString('base64'))
  // Loaded here, not at the top: the database tests import this package and never read a QR.
  const { default: jsQR } = await import('jsqr')
  return jsQR(Uint8ClampedArray.from(image.data), image.width, image.height)?.data ?? null
}
