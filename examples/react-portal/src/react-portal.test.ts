import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  chromiumAvailable,
  type EmbedCampaign,
  embedCampaign,
  startTestServer,
  type TestServer,
} from '@yardstick/testing'
import { type Browser, chromium, type Page } from 'playwright-core'
import { build, type PreviewServer, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const hasChromium = chromiumAvailable('react-portal')

describe.skipIf(!hasChromium)(
  'a React portal answering a live survey with <YardstickSurvey link>',
  () => {
    let server: TestServer
    let site: PreviewServer
    let campaign: EmbedCampaign
    let browser: Browser
    const outDir = mkdtempSync(join(tmpdir(), 'ys-react-portal-'))
    const pageErrors: string[] = []

    beforeAll(async () => {
      const nodeEnv = process.env.NODE_ENV
      process.env.NODE_ENV = 'production'
      try {
        await build({
          root: ROOT,
          configFile: join(ROOT, 'vite.config.ts'),
          logLevel: 'error',
          build: { outDir },
        })
      } finally {
        process.env.NODE_ENV = nodeEnv
      }
      server = await startTestServer()
      site = await preview({
        root: ROOT,
        configFile: join(ROOT, 'vite.config.ts'),
        logLevel: 'error',
        build: { outDir },
        preview: { host: '127.0.0.1', port: 0 },
      })
      const origin = new URL(site.resolvedUrls?.local[0] ?? '').origin
      campaign = await embedCampaign(server.url, [origin])
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
    })
    afterAll(async () => {
      await browser?.close()
      await site?.close()
      await server?.stop()
      rmSync(outDir, { recursive: true, force: true })
    })

    async function open(token: string): Promise<Page> {
      const page = await browser.newPage({ locale: 'zh-CN' })
      page.setDefaultTimeout(20_000)
      page.on('pageerror', (error) => pageErrors.push(error.message))
      const query = new URLSearchParams({ server: server.url, link: campaign.slug, token })
      await page.goto(`${site.resolvedUrls?.local[0]}?${query}`)
      await page.locator('.sd-navigation__complete-btn').waitFor()
      return page
    }

    async function answerAll(page: Page, choice: RegExp) {
      const labels = page.locator('.sd-item').filter({ hasText: choice }).locator('label')
      expect(await labels.count()).toBe(10)
      for (let i = 0; i < 10; i++) await labels.nth(i).click()
    }

    it('fetches the form, submits it once, and hands the receipt to the page', async () => {
      const [token] = await campaign.tokens(1)
      const page = await open(String(token))
      expect(await page.locator('.portal-title').textContent()).toBe('群众满意率测评')
      const stored = await campaign.responses()
      await answerAll(page, /^基本满意$/)
      await page.locator('.sd-navigation__complete-btn').click()
      await page.locator('.sd-completedpage').waitFor()
      const receipt = page.locator('.portal-status')
      await receipt.waitFor()
      expect(await receipt.textContent()).toMatch(/^门户已收到提交回执：答卷编号 \d+$/)
      expect(await campaign.responses()).toBe(stored + 1)
      expect(pageErrors).toEqual([])
      await page.close()
    })

    it('tells the page and the respondent when the token was already used', async () => {
      const [token] = await campaign.tokens(1)
      const first = await open(String(token))
      await answerAll(first, /^满意$/)
      await first.locator('.sd-navigation__complete-btn').click()
      await first.locator('.sd-completedpage').waitFor()
      await first.close()

      const again = await browser.newPage({ locale: 'zh-CN' })
      const query = new URLSearchParams({
        server: server.url,
        link: campaign.slug,
        token: String(token),
      })
      await again.goto(`${site.resolvedUrls?.local[0]}?${query}`)
      await again.locator('.ys-error[data-code="tokenUsed"]').waitFor()
      expect(await again.locator('.ys-error').textContent()).toContain('这个答题凭证已经用过了')
      expect(await again.locator('.portal-status').textContent()).toBe('门户记录到错误：tokenUsed')
      await again.close()
    })
  },
)
