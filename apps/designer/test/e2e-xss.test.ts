import { randomUUID } from 'node:crypto'
import { type Answers, type FormJson, templates } from '@yardstick/sdk'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { servePortal } from '../../../examples/portal-embed/src/serve'
import { buildUi } from '../../../scripts/build-ui.mjs'
import {
  api,
  apiToken,
  chromiumAvailable,
  type OpenedPage,
  openBranchCampaign,
  signedInPage,
  startServerAndBrowser,
  stopRun,
  type TestServer,
} from './harness'

/**
 * Stored text is inert (issue 16, RELIABILITY.md "Stored text is inert (XSS)"): classic payloads
 * go into every text a user can enter, then every page that shows it is opened in Chromium. A
 * payload that ran calls `__xss(n)` (a binding on every page), opens a dialog or asks
 * attacker.invalid for something; a payload left live for a click (a `javascript:` link, an
 * `on…` attribute) is found in the DOM. Each page must show none of these, and the text as text.
 */

/** Each vector, numbered: the number is what `__xss` reports when one runs. */
const PAYLOADS = [
  'X1<img src=x onerror=__xss(1)>',
  'X2<script>__xss(2)</script>',
  'X3"><svg onload=__xss(3)>',
  'X4<a href="javascript:__xss(4)">a</a>',
  'X5[m](javascript:__xss(5)) ![i](javascript:__xss(6))',
  "X6{{constructor.constructor('__xss(7)')()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection payload, meant as text
  'X7{x} {q2} ${__xss(8)} <img src=//attacker.invalid/8>',
  'X8<iframe srcdoc="<script>parent.__xss(9)</script>">',
  'X9<details open ontoggle=__xss(10)>',
] as const

/**
 * A remote image is markup an editor may author (an `html` question, the completed page:
 * DOMPurify keeps images, docs/DESIGN.md §4), so there it points elsewhere and its request is
 * allowed; anywhere else a request to attacker.invalid is a payload that became markup.
 */
const ATTACKER_IMAGE = '//attacker.invalid/8'
const AUTHORED_IMAGE = '//attacker.invalid/authored-html'

/** All of them in one text, for fields without a short limit. */
const ALL = PAYLOADS.join(' ')

/**
 * What a published form's texts carry: publishing refuses a `{name}` that names nothing (the
 * template and `{x}` payloads never reach a respondent), so these pipe only a real answer. The
 * draft the editor opens carries ALL.
 */
const PUBLISHED = [
  ...PAYLOADS.filter((payload) => !payload.includes('{')),
  'X7{q2} <img src=//attacker.invalid/8>',
]

/** The payloads packed into texts of at most `limit` characters (a name's limit), in order. */
function packed(limit: number, payloads: readonly string[] = PAYLOADS): string[] {
  const texts: string[] = []
  for (const payload of payloads) {
    const last = texts.at(-1)
    if (last !== undefined && last.length + 1 + payload.length <= limit) {
      texts[texts.length - 1] = `${last} ${payload}`
    } else texts.push(payload)
  }
  return texts
}

const NAMES_100 = packed(100)
const NAMES_200 = packed(200)
const at = (texts: string[], i: number) => texts[i % texts.length] as string

/**
 * The form with `payloads` in every text a form carries: title, description, page and question
 * titles and descriptions, choices, an `html` question, the completed page with an answer piped
 * into it, SurveyJS's `{name}` piping in a title.
 */
function payloadForm(payloads: readonly string[]): FormJson {
  const text = payloads.join(' ')
  const names = packed(200, payloads)
  const authored = text.replaceAll(ATTACKER_IMAGE, AUTHORED_IMAGE)
  const choice = (value: string, score: number, satisfied: boolean, text: string) => ({
    value,
    text: { default: text, en: text },
    score,
    satisfied,
  })
  return {
    title: at(NAMES_200, 0),
    description: text,
    kind: 'satisfaction',
    completedHtml: `<p>谢谢：{q2}</p>${authored}`,
    pages: [
      {
        name: 'page1',
        title: text,
        description: text,
        elements: [
          ...names.map((title, i) => ({
            type: 'radiogroup',
            name: `aspect${i}`,
            title,
            description: text,
            choices: [
              choice('satisfied', 100, true, `满意 ${at(names, i + 1)}`),
              choice('dissatisfied', 0, false, `不满意 ${at(names, i + 2)}`),
            ],
          })),
          { type: 'text', name: 'q2', title: text },
          { type: 'comment', name: 'note', title: `{q2} ${text}` },
          { type: 'html', name: 'authored', html: `<p>说明</p>${authored}` },
          { type: 'comment', name: 'suggestions', title: '意见和建议' },
        ],
      },
    ],
  } as FormJson
}

/** The self-check answered "yes" everywhere but one item, whose problem entry is all payload. */
function payloadSelfCheck(): Answers {
  const answers: Answers = {}
  for (const page of templates.selfCheck.pages ?? []) {
    for (const element of page.elements ?? []) {
      if (element.type === 'radiogroup') answers[element.name] = 'yes'
    }
  }
  answers.partyDues = 'no'
  answers.partyDues_problem = {
    description: ALL,
    measure: ALL,
    owner: at(NAMES_200, 0),
    deadline: '2026-06-30',
  }
  return answers
}

/** The names on the editor's presence avatars (their `data-user`). */
function presenceNames(page: Page): Promise<string[]> {
  return page
    .locator('.presence [data-user]')
    .evaluateAll((avatars) => avatars.map((a) => a.getAttribute('data-user') ?? ''))
}

/** What a page showed that it must not. */
interface Ran {
  calls: string[]
  dialogs: string[]
  requests: string[]
}

/**
 * Sinks still in the page after it rendered (in every frame, open shadow roots included): an
 * element with an `on…` attribute or a script-bearing URL attribute naming `__xss`, or a script
 * whose text does. Attributes holding the payload as a value (`value`, `title`, `data-…`) are
 * text and are fine.
 */
async function liveSinks(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const frame of page.frames()) {
    found.push(
      ...(await frame.evaluate((authored) => {
        const URL_ATTRIBUTES = new Set(['href', 'src', 'srcdoc', 'action', 'formaction', 'data'])
        const out: string[] = []
        const visit = (root: Document | ShadowRoot) => {
          for (const element of root.querySelectorAll('*')) {
            for (const { name, value } of element.attributes) {
              const sink =
                name.startsWith('on') || URL_ATTRIBUTES.has(name) || name.endsWith(':href')
              const remote = value.includes('attacker.invalid') && !value.includes(authored)
              if (sink && (value.includes('__xss') || remote))
                out.push(`<${element.localName} ${name}="${value}">`)
            }
            if (element.localName === 'script' && element.textContent?.includes('__xss')) {
              out.push(`<script>${element.textContent}</script>`)
            }
            if (element.shadowRoot) visit(element.shadowRoot)
          }
        }
        visit(document)
        return out
      }, AUTHORED_IMAGE)),
    )
  }
  return found
}

describe.skipIf(!chromiumAvailable('stored XSS e2e'))('stored text is inert in Chromium', () => {
  let server: TestServer
  let browser: Browser
  let portal: Awaited<ReturnType<typeof servePortal>>
  const ran = new Map<BrowserContext, Ran>()
  const signedIn = new Map<string, OpenedPage>()
  /** Ids of what the seeding made, for the pages to open. */
  const made = {
    formId: 0,
    membersCampaign: 0,
    selfCheckCampaign: 0,
    orgIds: [] as number[],
    branchId: 0,
    slug: '',
    tokens: [] as string[],
    rectificationId: 0,
  }

  /** Listens on a context for anything a payload would do if it ran. */
  async function watch(context: BrowserContext): Promise<Ran> {
    const seen: Ran = { calls: [], dialogs: [], requests: [] }
    ran.set(context, seen)
    await context.exposeBinding('__xss', ({ page }, n: unknown) => {
      seen.calls.push(`${page.url()}: __xss(${String(n)})`)
    })
    await context.route(/attacker\.invalid/, (route) => {
      const url = route.request().url()
      if (!url.endsWith(AUTHORED_IMAGE.slice(1))) seen.requests.push(url)
      return route.abort()
    })
    context.on('page', (page) => watchPage(page, seen))
    for (const page of context.pages()) watchPage(page, seen)
    return seen
  }

  function watchPage(page: Page, seen: Ran) {
    page.on('dialog', (dialog) => {
      seen.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`)
      void dialog.dismiss()
    })
  }

  /** A demo account signed in, watched. */
  async function as(email: string): Promise<OpenedPage> {
    const opened = signedIn.get(email)
    if (opened) return opened
    const fresh = await signedInPage(browser, server.url, email)
    await watch(fresh.context)
    signedIn.set(email, fresh)
    return fresh
  }

  /**
   * Asserts that nothing ran on `page` and no live sink is left, and that it shows `texts` as
   * text (each waited for: the page has rendered what was stored).
   */
  async function expectInert(page: Page, where: string, texts: string[] = []): Promise<void> {
    // getByText reads open shadow roots too (the embed renders in one).
    for (const text of texts) {
      await expect
        .poll(() => page.getByText(text).count(), { timeout: 15_000, message: where })
        .toBeGreaterThan(0)
    }
    await page.waitForLoadState('networkidle')
    const seen = ran.get(page.context()) as Ran
    expect({ where, ...seen, sinks: await liveSinks(page) }).toEqual({
      where,
      calls: [],
      dialogs: [],
      requests: [],
      sinks: [],
    })
  }

  beforeAll(async () => {
    ;[{ server, browser }, portal] = await Promise.all([
      buildUi(['embed']).then(() => startServerAndBrowser()),
      servePortal({ port: 0 }),
    ])
    const admin = await apiToken(server.url, 'admin@yardstick.local')
    const editor = await apiToken(server.url, 'editor@yardstick.local')
    const reviewer = await apiToken(server.url, 'reviewer@yardstick.local')

    // Organisation names: two branches under the first sub-committee.
    const tree = await api<{
      items: Array<{ id: number; children: Array<{ id: number; kind: string }> }>
    }>(server, admin, 'GET', '/api/orgs')
    const sub = tree.items[0]?.children.find((o) => o.kind === 'subcommittee')
    if (!sub) throw new Error('the demo tree has no sub-committee')
    for (const name of NAMES_200) {
      const org = await api<{ id: number }>(server, admin, 'POST', '/api/orgs', {
        parentId: sub.id,
        kind: 'branch',
        name,
        unitType: 'organ',
      })
      made.orgIds.push(org.id)
    }

    // People's names (shown in lists, the audit, comments, version authors and presence).
    const accounts = ['editor', 'reviewer', 'secretary', 'assessor']
    for (const [i, account] of accounts.entries()) {
      const users = await api<{ items: Array<{ id: number; email: string }> }>(
        server,
        admin,
        'GET',
        `/api/users?q=${account}%40yardstick.local`,
      )
      const user = users.items.find((u) => u.email === `${account}@yardstick.local`)
      if (!user) throw new Error(`no demo ${account}`)
      await api(server, admin, 'PATCH', `/api/users/${user.id}`, { name: at(NAMES_100, i) })
    }

    // The form, a review thread with a reply, and a published version with a payload note.
    made.formId = (
      await api<{ id: number }>(server, editor, 'POST', '/api/forms', {
        title: at(NAMES_200, 0),
        json: payloadForm(PUBLISHED),
      })
    ).id
    const thread = await api<{ id: number }>(
      server,
      reviewer,
      'POST',
      `/api/forms/${made.formId}/comments`,
      { elementId: 'aspect0_el', elementName: 'aspect0', body: ALL },
    )
    await api(server, editor, 'POST', `/api/forms/${made.formId}/comments/${thread.id}/replies`, {
      body: ALL,
    })
    const version = await api<{ id: number }>(
      server,
      editor,
      'POST',
      `/api/forms/${made.formId}/publish`,
      { note: ALL },
    )
    // The draft after it: every payload, `{…}` ones too, in the editor and its preview.
    await api(server, editor, 'PUT', `/api/forms/${made.formId}`, { json: payloadForm(PAYLOADS) })

    // A members survey over the payload branches, embeddable by the portal, with one answer
    // per branch whose texts are all payload.
    made.membersCampaign = (
      await api<{ id: number }>(server, admin, 'POST', '/api/campaigns', {
        name: at(NAMES_200, 1),
        cadence: 'yearly',
        opensAt: new Date(Date.now() - 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        units: { ids: made.orgIds },
        sources: [
          {
            key: 'members',
            formVersion: version.id,
            weight: 1,
            anonymous: true,
            measure: 'satisfactionRate',
          },
        ],
        bands: [{ min: 0, grade: at(NAMES_100, 0).slice(0, 40) }],
        allowedOrigins: [portal.url],
      })
    ).id
    await api(server, admin, 'POST', `/api/campaigns/${made.membersCampaign}/open`, {})
    const links = await api<{ items: Array<{ unitId: number; slug: string }> }>(
      server,
      admin,
      'GET',
      `/api/campaigns/${made.membersCampaign}/links`,
    )
    for (const link of links.items) {
      const { tokens } = await api<{ tokens: string[] }>(
        server,
        admin,
        'POST',
        `/api/campaigns/${made.membersCampaign}/tokens`,
        { unitId: link.unitId, source: 'members', count: 3 },
      )
      const answers: Answers = { aspect0: 'satisfied', q2: ALL, note: ALL, suggestions: ALL }
      const submitted = await fetch(`${server.url}/api/links/${link.slug}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({ answers, token: tokens[0] }),
      })
      expect(submitted.status, await submitted.text()).toBe(201)
      if (link.unitId === made.orgIds[0]) {
        made.slug = link.slug
        made.tokens = tokens.slice(1)
      }
    }

    // A self-check of the demo secretary's branch with a payload problem: its rectification
    // gets payload progress and evidence, and is returned with a payload reason.
    const selfCheck = await openBranchCampaign(server, admin, {
      form: at(NAMES_200, 2 % NAMES_200.length),
      name: at(NAMES_200, 0),
      note: ALL,
    })
    made.selfCheckCampaign = selfCheck.id
    made.branchId = selfCheck.unitId
    const path = `/api/campaigns/${selfCheck.id}/self-checks/${selfCheck.unitId}`
    await api(server, selfCheck.secretary, 'PUT', path, { answers: payloadSelfCheck() })
    await api(server, selfCheck.secretary, 'POST', `${path}/approve`, { approvedOn: '2026-11-20' })
    await api(server, selfCheck.secretary, 'POST', `${path}/announce`)
    await api(server, selfCheck.secretary, 'POST', `${path}/submit`)
    const open = await api<{ items: Array<{ id: number; campaignId: number }> }>(
      server,
      selfCheck.secretary,
      'GET',
      '/api/rectifications?status=open&limit=100',
    )
    const rectification = open.items.find((r) => r.campaignId === selfCheck.id)
    if (!rectification) throw new Error('the self-check made no rectification')
    made.rectificationId = rectification.id
    await api(server, selfCheck.secretary, 'PATCH', `/api/rectifications/${rectification.id}`, {
      progress: ALL,
      evidence: ALL,
      status: 'fixed',
    })
    await api(server, admin, 'POST', `/api/rectifications/${rectification.id}/review`, {
      decision: 'return',
      note: ALL,
    })
  }, 600_000)

  afterAll(async () => {
    await stopRun({ browser, server })
    await portal?.close()
  })

  it('catches a payload that does run: the detectors are live', async () => {
    const context = await browser.newContext()
    try {
      const seen = await watch(context)
      const page = await context.newPage()
      // A page without a content security policy, the payloads put in as markup.
      await page.setContent(`${PAYLOADS[0]} ${PAYLOADS[3]} <img src=http:${ATTACKER_IMAGE}>`)
      await expect.poll(() => seen.calls).toEqual([expect.stringContaining('__xss(1)')])
      await expect.poll(() => seen.requests).toEqual([`http:${ATTACKER_IMAGE}`])
      expect(await liveSinks(page)).toHaveLength(3)
    } finally {
      await context.close()
    }
  })

  it('the editor (tree, properties, review thread, versions, preview) and co-editors’ presence names', async () => {
    const editor = await as('editor@yardstick.local')
    const reviewer = await as('reviewer@yardstick.local')
    await expectInert(editor.page, 'forms list', [at(NAMES_200, 0)])
    for (const { page } of [reviewer, editor]) {
      await page.goto(`${server.url}/forms/${made.formId}`)
      await page.locator('.connection[data-state="synced"]').waitFor()
    }
    const { page } = editor
    // The other editor's presence, named with a payload.
    await expect.poll(() => presenceNames(page), { timeout: 10_000 }).toContain(at(NAMES_100, 1))
    await page.locator('.tree-row[data-name="aspect0"]').click()
    await expectInert(page, 'editor: tree and properties', [at(NAMES_200, 0)])
    await page.getByRole('tab', { name: /评审意见/ }).click()
    await expectInert(page, 'editor: review thread', [PAYLOADS[0]])
    await page.getByRole('tab', { name: /版本/ }).click()
    await expectInert(page, 'editor: versions', [PAYLOADS[1]])
    await page.getByRole('tab', { name: '预览', exact: true }).click()
    const preview = page.locator('.sd-root-modern, .sv-root-modern').first()
    await preview.waitFor({ timeout: 20_000 })
    await expectInert(page, 'editor: preview', [at(NAMES_200, 0)])
    // Piping: an answer typed into q2 shows in the title that names {q2}, as text.
    await preview.locator('input[type="text"]').first().fill(ALL)
    await preview.locator('input[type="text"]').first().press('Tab')
    await expectInert(page, 'editor: preview with piped answer', [PAYLOADS[2]])
    // Completed: the completed page pipes the answer into authored HTML.
    await preview.locator('.sd-navigation__complete-btn').click()
    await expectInert(page, 'editor: preview completed', ['谢谢：X1'])
    await expectInert(reviewer.page, 'editor as reviewer (presence of the editor)', [])
    expect(await presenceNames(reviewer.page)).toContain(at(NAMES_100, 0))
  }, 120_000)

  it('the office’s pages: results, unit detail, dashboard, campaign admin, participation, links, audit, organisations, users', async () => {
    const { page } = await as('admin@yardstick.local')
    const visits: Array<[string, string, string[]]> = [
      ['overview', '/overview', []],
      ['campaign list', '/campaigns', [at(NAMES_200, 1)]],
      ['results', `/campaigns/${made.membersCampaign}`, [at(NAMES_200, 0)]],
      [
        'unit detail (members)',
        `/campaigns/${made.membersCampaign}/units/${made.orgIds[0]}`,
        [at(NAMES_200, 0)],
      ],
      ['results (self-check)', `/campaigns/${made.selfCheckCampaign}`, []],
      [
        'unit detail (self-check problems)',
        `/campaigns/${made.selfCheckCampaign}/units/${made.branchId}`,
        [PAYLOADS[0]],
      ],
      ['campaign admin', `/campaigns/${made.membersCampaign}/admin`, [at(NAMES_200, 0)]],
      ['campaign settings', `/campaigns/${made.membersCampaign}/settings`, []],
      ['participation', `/campaigns/${made.membersCampaign}/participation`, [at(NAMES_200, 0)]],
      ['link sheet', `/campaigns/${made.membersCampaign}/links/print`, [at(NAMES_200, 0)]],
      ['rectifications review', '/rectifications', [PAYLOADS[0]]],
      ['audit', '/admin/audit', [at(NAMES_200, 0)]],
      ['organisations', '/admin/orgs', [at(NAMES_200, 0)]],
      ['users', '/admin/users', [at(NAMES_100, 0)]],
      ['forms', '/forms', [at(NAMES_200, 0)]],
    ]
    for (const [where, path, texts] of visits) {
      await page.goto(`${server.url}${path}`)
      await page.locator('main h1').first().waitFor()
      // The organisation tree opens on the committee: a search shows the new branches.
      if (path === '/admin/orgs') await page.locator('main input[type="search"]').fill('X1')
      await expectInert(page, where, texts)
    }
  }, 120_000)

  it('the reviewer’s, the assessor’s and the branch’s pages: review home, self-check, rectification', async () => {
    const reviewer = await as('reviewer@yardstick.local')
    await reviewer.page.goto(`${server.url}/review`)
    await expectInert(reviewer.page, 'review home', [at(NAMES_200, 0)])
    const assessor = await as('assessor@yardstick.local')
    await assessor.page.goto(`${server.url}/assess`)
    await expectInert(assessor.page, 'assessor home', [])
    const { page } = await as('secretary@yardstick.local')
    await expectInert(page, 'branch home', [at(NAMES_200, 0)])
    await page.goto(
      `${server.url}/branch/campaigns/${made.selfCheckCampaign}/units/${made.branchId}`,
    )
    await expectInert(page, 'self-check (co-filled form)', [PAYLOADS[0]])
    await page.goto(`${server.url}/branch/rectifications/${made.rectificationId}`)
    await expectInert(page, 'rectification', [PAYLOADS[0]])
  }, 120_000)

  it('the respondent page through a link, completed with payload answers, and the portal embed', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' })
    try {
      await watch(context)
      const page = await context.newPage()
      await page.goto(
        `${server.url}/s/${made.slug}?token=${encodeURIComponent(made.tokens[0] ?? '')}`,
      )
      await expectInert(page, 'respondent page', [at(NAMES_200, 0)])
      // Answered with payloads and completed: the completed page pipes the answer in.
      const text = page.locator('input[type="text"]').first()
      await text.fill(ALL)
      await page.locator('textarea').first().fill(ALL)
      await page.locator('.sd-navigation__complete-btn').click()
      await page.locator('[data-page="done"]').waitFor()
      await expectInert(page, 'respondent page, submitted', [])

      const params = new URLSearchParams({
        server: server.url,
        link: made.slug,
        token: made.tokens[1] ?? '',
      })
      await page.goto(`${portal.url}/?${params}`)
      await page.locator('#events li[data-event="yardstick:ready"]').waitFor({ timeout: 30_000 })
      await expectInert(page, 'portal embed', [at(NAMES_200, 0)])
    } finally {
      await context.close()
    }
  }, 120_000)
})
