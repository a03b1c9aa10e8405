import { type DemoServer, startDemoServer } from '../../../apps/server/test/collab/processes'
import { buildUi } from '../../../scripts/build-ui.mjs'

export const PASSWORD = 'embed-demo-password'
const ADMIN = 'admin@yardstick.local'

/**
 * Builds `packages/embed/dist` (both scripts) with production React, as `pnpm start` does —
 * unless a build of the same sources is there already (scripts/build-ui.mjs).
 */
export async function buildEmbed(): Promise<void> {
  await buildUi(['embed'])
}

/** The real server on a fresh data folder with the demo data; `stop` kills it and the folder. */
export function startLiveServer(): Promise<DemoServer> {
  return startDemoServer(PASSWORD)
}

async function api(url: string, path: string, token: string, body?: unknown): Promise<any> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : null
}

/** A campaign with one anonymous members survey (the demo 群众满意率测评表) a portal may embed. */
export interface EmbedCampaign {
  id: number
  slug: string
  unitId: number
  /** One-time tokens for the survey (as an office would print them). */
  tokens(count: number): Promise<string[]>
  /** How many members responses the campaign's results count. */
  responses(): Promise<number>
}

/**
 * Creates and opens, as the demo admin, a campaign over one demo branch whose members survey
 * (anonymous, one-time tokens) the `origins` may embed: the demo satisfaction form, or `form`
 * created and published for it. `showScore` (default false) lets respondents see their score.
 */
export async function embedCampaign(
  url: string,
  origins: string[],
  { form, showScore = false }: { form?: Record<string, unknown>; showScore?: boolean } = {},
): Promise<EmbedCampaign> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  })
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`)
  const { token } = (await login.json()) as { token: string }
  const demo = await api(url, '/api/campaigns/1', token)
  let formVersion = demo.sources.find((s: { key: string }) => s.key === 'members').formVersion
  if (form) {
    const created = await api(url, '/api/forms', token, { title: '门户嵌入测试表单', json: form })
    const published = await api(url, `/api/forms/${created.id}/publish`, token, {
      note: '门户嵌入测试',
    })
    formVersion = published.id
  }
  const demoLinks = await api(url, '/api/campaigns/1/links?limit=1', token)
  const unitId = demoLinks.items[0].unitId as number
  const created = await api(url, '/api/campaigns', token, {
    name: '门户嵌入测评',
    cadence: 'yearly',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    units: { ids: [unitId] },
    sources: [
      {
        key: 'members',
        formVersion,
        weight: 1,
        anonymous: true,
        measure: 'satisfactionRate',
      },
    ],
    bands: [{ min: 0, grade: '达标' }],
    allowedOrigins: origins,
    showScore,
  })
  const id = created.id as number
  await api(url, `/api/campaigns/${id}/open`, token, {})
  const links = await api(url, `/api/campaigns/${id}/links`, token)
  return {
    id,
    slug: links.items[0].slug,
    unitId,
    tokens: async (count) =>
      (await api(url, `/api/campaigns/${id}/tokens`, token, { unitId, source: 'members', count }))
        .tokens,
    responses: async () =>
      (await api(url, `/api/campaigns/${id}/results`, token)).participation.bySource.members
        ?.responses ?? 0,
  }
}
