// What the 长辈版 tests (issue 19's elder-page criteria) share: a phone inside WeChat, axe-core,
// and the page's measures (control sizes, text sizes, clipping), each read in the page.
import axe from 'axe-core'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import {
  api,
  campaignLinks,
  type DemoCampaign,
  issueTokens,
  type RespondentPage,
  respondentPage,
  type TestServer,
} from './harness'

/** WeChat's in-app browser on an Android phone (XWeb kernel), as its user agent reads. */
export const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 ' +
  '(KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 ' +
  'MMWEBSDK/20231202 MMWEBID/2307 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 ' +
  'Weixin NetType/WIFI Language/zh_CN ABI/arm64'

/** The phone the issue names: 360 × 640 inside WeChat, touch. */
export const WECHAT_PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  userAgent: WECHAT_UA,
  isMobile: true,
  hasTouch: true,
}

/** The axe-core rule sets the issue names: WCAG 2.0/2.1/2.2 A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

/** Where 长辈版 is remembered on the device (what the switch writes). */
export const ELDER_KEY = 'yardstick:respondent:elder'

/**
 * A fresh WeChat phone (360 × 640) in `locale`, its problems collected; `elder` opens every page
 * in 长辈版 as if switched on earlier on this phone.
 */
export async function wechatPage(
  browser: Browser,
  { locale = 'zh-CN', elder = false, width = 360 } = {},
): Promise<RespondentPage> {
  const opened = await respondentPage(browser, {
    locale,
    device: { ...WECHAT_PHONE, viewport: { width, height: 640 } },
  })
  if (elder) await opened.context.addInitScript((key) => localStorage.setItem(key, 'on'), ELDER_KEY)
  return opened
}

/**
 * axe-core's violations of the WCAG A/AA rules on the page as it stands (or of `rules` only),
 * one line each (rule, impact, where): `[]` is a pass.
 */
export async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Evaluated, not a <script>: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(axe.source)
  const violations = await page.evaluate(
    async ({ tags, rules }) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run
      const result = await run(document, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`),
      }))
    },
    { tags: AXE_TAGS, rules },
  )
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' | ')}`)
}

/** What can be tapped on the page: buttons, links, fields, choice labels, focusable items. */
const CONTROLS = [
  'button',
  'a[href]',
  'select',
  'textarea',
  'input:not([type="hidden"]):not([type="radio"]):not([type="checkbox"])',
  'label:has(input[type="radio"])',
  'label:has(input[type="checkbox"])',
  '[role="button"]',
  '[tabindex="0"]',
].join(', ')

/**
 * The visible controls smaller than `min` × `min` CSS px, described (tag, class, text, size):
 * `[]` when every one is big enough.
 */
export function undersized(page: Page, min: number): Promise<string[]> {
  return page.evaluate(
    ({ selector, min }) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter(
          (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
        )
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 1 && box.height > 1)
        .filter(({ box }) => box.width < min - 0.5 || box.height < min - 0.5)
        .map(
          ({ el, box }) =>
            `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    { selector: CONTROLS, min },
  )
}

/**
 * The sizes of every control matching `selector` (visible ones), to show a test measures what it
 * means to.
 */
export function sizesOf(page: Page, selector: string): Promise<Array<[number, number]>> {
  return page.evaluate(
    (selector) =>
      [...document.querySelectorAll<HTMLElement>(selector)]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const box = el.getBoundingClientRect()
          return [box.width, box.height] as [number, number]
        }),
    selector,
  )
}

/**
 * The visible text on the page whose font is under `min` px or whose line height is under
 * `ratio` times its font size (`normal` counts as under), described: `[]` when all reads well.
 */
export function smallText(page: Page, min: number, ratio: number): Promise<string[]> {
  return page.evaluate(
    ({ min, ratio }) => {
      const found: string[] = []
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim()
        const el = node.parentElement
        if (!text || !el) continue
        const box = el.getBoundingClientRect()
        if (box.width <= 1 || box.height <= 1 || el.closest('[aria-hidden="true"]')) continue
        const style = getComputedStyle(el)
        if (style.visibility === 'hidden' || style.display === 'none') continue
        const size = Number.parseFloat(style.fontSize)
        const line = Number.parseFloat(style.lineHeight)
        if (size < min - 0.01 || !(line / size >= ratio - 0.001))
          found.push(`"${text.slice(0, 20)}" ${style.fontSize}/${style.lineHeight}`)
      }
      return found
    },
    { min, ratio },
  )
}

/**
 * What sticks out of the window sideways: the page scrolling sideways, any visible element
 * reaching past either edge, any text cut by its box (scrollWidth beyond clientWidth where the
 * overflow is hidden). `[]` when nothing does.
 */
export function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const width = window.innerWidth
    if (document.documentElement.scrollWidth > width)
      found.push(`page ${document.documentElement.scrollWidth} > ${width}`)
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const box = el.getBoundingClientRect()
      if (box.width <= 1 || box.height <= 1) continue
      const style = getComputedStyle(el)
      if (style.visibility === 'hidden') continue
      const name = `${el.tagName.toLowerCase()}.${el.className}`
      if (box.left < -0.5 || box.right > width + 0.5)
        found.push(`${name} ${Math.round(box.left)}…${Math.round(box.right)}`)
      if (
        (style.overflowX === 'hidden' || style.overflowX === 'clip') &&
        el.scrollWidth > el.clientWidth + 1 &&
        (el.textContent ?? '').trim()
      )
        found.push(`${name} cut ${el.scrollWidth} > ${el.clientWidth}`)
    }
    return found
  })
}

/**
 * Text at 200 %: the browser's default font size doubled (16 → 32 px), as WeChat's largest
 * 字体大小 and a phone's own text size do; the page's rem sizes all follow it.
 */
export async function doubleText(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } })
}

/** The test form: a required single choice, a required ranking, an optional comment. */
export const ELDER_FORM = {
  title: '支部工作满意度（长辈版测试）',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'satisfaction',
          title: {
            default: '您对本支部“三会一课”开展情况是否满意？',
            en: 'Are you satisfied with the branch’s regular meetings?',
          },
          isRequired: true,
          choices: [
            { value: 'yes', text: { default: '满意', en: 'Satisfied' } },
            { value: 'basic', text: { default: '基本满意', en: 'Fairly satisfied' } },
            { value: 'no', text: { default: '不满意', en: 'Not satisfied' } },
          ],
        },
        {
          type: 'ranking',
          name: 'priorities',
          title: { default: '请按重要程度排列下列工作', en: 'Put these in order of importance' },
          isRequired: true,
          choices: [
            { value: 'study', text: { default: '理论学习', en: 'Study' } },
            { value: 'service', text: { default: '为民服务', en: 'Service' } },
            { value: 'discipline', text: { default: '纪律建设', en: 'Discipline' } },
          ],
        },
        {
          type: 'comment',
          name: 'advice',
          title: { default: '您对支部工作的意见和建议', en: 'Your suggestions for the branch' },
        },
      ],
    },
  ],
}

/**
 * A members campaign over one branch on `ELDER_FORM`, created, published and opened by API, with
 * its links.
 */
export async function elderCampaign(
  server: TestServer,
  admin: string,
  unit: number,
): Promise<DemoCampaign> {
  const form = await api<{ id: number }>(server, admin, 'POST', '/api/forms', {
    title: ELDER_FORM.title,
    json: ELDER_FORM,
  })
  const version = await api<{ id: number }>(
    server,
    admin,
    'POST',
    `/api/forms/${form.id}/publish`,
    {
      note: '长辈版测试',
    },
  )
  const { id } = await api<{ id: number }>(server, admin, 'POST', '/api/campaigns', {
    name: '2026年支部工作满意度（长辈版）',
    cadence: 'yearly',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    units: { subtree: unit },
    sources: [{ key: 'members', formVersion: version.id, weight: 1, anonymous: true }],
    bands: [{ min: 0, grade: '达标' }],
  })
  await api(server, admin, 'POST', `/api/campaigns/${id}/open`)
  return campaignLinks(server, admin, id)
}

/** A fresh token's address of `campaign`'s members link for `unit`. */
export async function tokenPath(
  server: TestServer,
  admin: string,
  campaign: DemoCampaign,
  unit: number,
): Promise<string> {
  const [token] = await issueTokens(server, admin, campaign.id, unit, 1)
  return `/s/${campaign.slug(unit, 'members')}?token=${token}`
}
