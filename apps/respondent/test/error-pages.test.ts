import { formatTime, LINK_TEXT, linkErrorText } from '@yardstick/sdk'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEXT } from '../src/i18n'
import {
  api,
  campaignLinks,
  chromiumAvailable,
  DEMO_CAMPAIGN,
  type DemoCampaign,
  issueTokens,
  overflows,
  respondentPage,
  screenshot,
  startOnDemo,
  stopRun,
  type TestServer,
  WIDTHS,
} from './harness'

const LANGS = ['zh-CN', 'en'] as const
type Lang = (typeof LANGS)[number]

/** The text a page type shows, by language: its heading and its explanation. */
interface Expected {
  heading: (lang: Lang) => string
  body: (lang: Lang) => string
}

describe.runIf(chromiumAvailable('respondent error pages'))('each refusal has its own page', () => {
  let server: TestServer
  let browser: Browser
  let admin: string
  let demo: DemoCampaign
  let unit: number
  const paths: Record<string, string> = {}
  const opensAt = new Date(Date.now() + 3 * 86_400_000)

  /** A campaign on the demo's satisfaction form for one branch, created (and opened) by API. */
  async function campaign(window: { opensAt: Date; closesAt: Date }) {
    const { id } = await api<{ id: number }>(server, admin, 'POST', '/api/campaigns', {
      name: '2026年第四季度群众满意度测评',
      cadence: 'quarterly',
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      units: { subtree: unit },
      sources: [{ key: 'members', formVersion: demo.versions.members, weight: 1, anonymous: true }],
      bands: [{ min: 0, grade: '达标' }],
    })
    await api(server, admin, 'POST', `/api/campaigns/${id}/open`)
    return campaignLinks(server, admin, id)
  }

  beforeAll(async () => {
    let slug: string
    ;({ server, browser, admin, campaign: demo, unit, slug } = await startOnDemo(DEMO_CAMPAIGN, 3))

    const later = await campaign({
      opensAt,
      closesAt: new Date(opensAt.getTime() + 7 * 86_400_000),
    })
    const closed = await campaign({
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
    })
    await api(server, admin, 'POST', `/api/campaigns/${closed.id}/close`)

    // A token used through the API, as another phone would have used it.
    const [used] = await issueTokens(server, admin, demo.id, unit, 1)
    const view = await (await fetch(`${server.url}/api/links/${slug}?token=${used}`)).json()
    const answers: Record<string, unknown> = {}
    for (const page of view.form.pages)
      for (const element of page.elements)
        if (element.choices) answers[element.name] = element.choices[0].value
    const stored = await fetch(`${server.url}/api/links/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'used-elsewhere' },
      body: JSON.stringify({ answers, token: used }),
    })
    expect(stored.status).toBe(201)

    paths.notFound = '/s/no-such-link'
    paths.notYetOpen = `/s/${later.slug(unit, 'members')}`
    paths.closed = `/s/${closed.slug(unit, 'members')}`
    paths.tokenInvalid = `/s/${slug}?token=ZZZZ-ZZZZ-ZZZZ-ZZZZ`
    paths.tokenUsed = `/s/${slug}?token=${String(used).toLowerCase()}`
    paths.token = `/s/${slug}`
    paths.signIn = `/s/${demo.slug(unit, 'superior')}`
  }, 300_000)

  afterAll(() => stopRun({ browser, server }))

  const headings = (kind: keyof (typeof TEXT)['en']['headings']) => (lang: Lang) =>
    TEXT[lang].headings[kind]
  const error = (code: string, details: unknown = null) => ({
    code,
    status: 409,
    message: '',
    details,
  })
  const pages: Record<string, Expected> = {
    notFound: {
      heading: headings('notFound'),
      body: (lang) => linkErrorText(error('notFound'), lang),
    },
    notYetOpen: {
      heading: headings('notYetOpen'),
      // Says when it opens, in the respondent's language.
      body: (lang) => formatTime(opensAt.getTime(), lang),
    },
    closed: {
      heading: headings('closed'),
      body: (lang) => linkErrorText(error('campaignNotOpen', { status: 'closed' }), lang),
    },
    tokenInvalid: {
      heading: headings('tokenInvalid'),
      body: (lang) => linkErrorText(error('tokenInvalid'), lang),
    },
    tokenUsed: {
      heading: headings('tokenUsed'),
      body: (lang) => linkErrorText(error('tokenUsed'), lang),
    },
    token: {
      heading: (lang) => TEXT[lang].tokenTitle,
      body: (lang) => TEXT[lang].tokenIntro,
    },
    // An assessor's scorecard opened signed out: why, and the way in.
    signIn: {
      heading: (lang) => TEXT[lang].signInTitle,
      body: (lang) => TEXT[lang].signInButton,
    },
  }

  for (const [kind, expected] of Object.entries(pages)) {
    it(`shows the ${kind} page in Chinese and English, at 390 px and 1440 px, never the designer’s sign-in form`, async () => {
      for (const lang of LANGS) {
        for (const width of [WIDTHS.phone, WIDTHS.desktop]) {
          const { context, page, problems } = await respondentPage(browser, { width })
          const path = paths[kind] as string
          const query = lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''
          await page.goto(`${server.url}${path}${query}`)
          const shown = page.locator(`[data-page="${kind}"]`)
          await shown.waitFor()
          expect(await shown.getByRole('heading').first().textContent()).toBe(
            expected.heading(lang),
          )
          expect(await shown.textContent()).toContain(expected.body(lang))
          expect(await page.locator('html').getAttribute('lang')).toBe(lang)
          // Never the designer's sign-in, never the server's English in the Chinese page.
          expect(await page.locator('input[type="password"]').count()).toBe(0)
          if (lang === 'zh-CN')
            expect(await shown.textContent()).not.toMatch(/token|link|campaign/i)
          expect(await overflows(page), `${kind} ${lang} ${width}`).toBe(false)
          await screenshot(page, `${kind}-${lang}-${width}`)
          expect(problems).toEqual([])
          await context.close()
        }
      }
    })
  }

  it('sends an assessor to sign in and back to the same link', async () => {
    const { context, page, problems } = await respondentPage(browser)
    await page.goto(`${server.url}${paths.signIn}?lang=en`)
    const button = page.getByRole('link', { name: TEXT.en.signInButton })
    expect(await button.getAttribute('href')).toBe(
      `/?next=${encodeURIComponent(`${paths.signIn}?lang=en`)}`,
    )
    expect(problems).toEqual([])
    await context.close()
  })

  it('remembers the language the respondent switched to', async () => {
    const { context, page, problems } = await respondentPage(browser)
    await page.goto(`${server.url}${paths.tokenUsed}`)
    await page.locator('[data-page="tokenUsed"]').waitFor()
    await page.getByRole('button', { name: LINK_TEXT['zh-CN'].switchLabel }).click()
    await page.getByRole('heading', { name: TEXT.en.headings.tokenUsed }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: TEXT.en.headings.tokenUsed }).waitFor()
    await page.getByRole('button', { name: LINK_TEXT.en.switchLabel }).click()
    await page.getByRole('heading', { name: TEXT['zh-CN'].headings.tokenUsed }).waitFor()
    expect(problems).toEqual([])
    await context.close()
  })

  it('asks for the token again after an invalid one, read as the server reads it', async () => {
    const { context, page, problems } = await respondentPage(browser)
    await page.goto(`${server.url}${paths.tokenInvalid}`)
    const form = page.locator('[data-page="tokenInvalid"]')
    await form.waitFor()
    await form.getByLabel(TEXT['zh-CN'].tokenLabel).fill('12')
    await form.getByRole('button', { name: TEXT['zh-CN'].tokenSubmit }).click()
    await form.getByText(TEXT['zh-CN'].tokenMalformed).waitFor()
    const [token] = await issueTokens(server, admin, demo.id, unit, 1)
    // Typed as it is read from a slip: lower case, spaces instead of dashes.
    await form
      .getByLabel(TEXT['zh-CN'].tokenLabel)
      .fill(String(token).toLowerCase().replace(/-/g, ' '))
    await form.getByRole('button', { name: TEXT['zh-CN'].tokenSubmit }).click()
    await page.locator('.sd-question').first().waitFor()
    expect(new URL(page.url()).searchParams.get('token')).toBe(token)
    expect(problems).toEqual([])
    await context.close()
  })
})
