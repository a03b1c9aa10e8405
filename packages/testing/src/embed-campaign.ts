import { buildUi } from '../../../scripts/build-ui.mjs'
import { api, apiToken } from './demo-server'

/**
 * Builds `packages/embed/dist` (both scripts) with production React, as `pnpm start` does —
 * unless a build of the same sources is there already (scripts/build-ui.mjs).
 *
 * @example
 * beforeAll(() => buildEmbed())
 */
export async function buildEmbed(): Promise<void> {
  await buildUi(['embed'])
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

/** What embedCampaign makes besides the allowed origins. */
export interface EmbedCampaignOptions {
  /** A form to create and publish for the survey; the demo satisfaction form by default. */
  form?: Record<string, unknown>
  /** Whether respondents see their score; false by default. */
  showScore?: boolean
}

type Links = { items: Array<{ unitId: number; slug: string }> }

/**
 * Creates and opens, as the demo admin of a server startTestServer started, a campaign over one
 * demo branch whose members survey (anonymous, one-time tokens) the `origins` may embed.
 *
 * @example
 * const campaign = await embedCampaign(server.url, [portal.url])
 */
export async function embedCampaign(
  url: string,
  origins: string[],
  { form, showScore = false }: EmbedCampaignOptions = {},
): Promise<EmbedCampaign> {
  const server = { url }
  const token = await apiToken(url, 'admin@yardstick.local')
  const demo = await api<{ sources: Array<{ key: string; formVersion: number }> }>(
    server,
    token,
    'GET',
    '/api/campaigns/1',
  )
  let formVersion = demo.sources.find((s) => s.key === 'members')?.formVersion
  if (form) {
    const created = await api<{ id: number }>(server, token, 'POST', '/api/forms', {
      title: '门户嵌入测试表单',
      json: form,
    })
    const published = await api<{ id: number }>(
      server,
      token,
      'POST',
      `/api/forms/${created.id}/publish`,
      { note: '门户嵌入测试' },
    )
    formVersion = published.id
  }
  const demoLinks = await api<Links>(server, token, 'GET', '/api/campaigns/1/links?limit=1')
  const unitId = demoLinks.items[0]?.unitId
  if (formVersion === undefined || unitId === undefined)
    throw new Error('the demo campaign has no members source or no link')
  const created = await api<{ id: number }>(server, token, 'POST', '/api/campaigns', {
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
  const id = created.id
  await api(server, token, 'POST', `/api/campaigns/${id}/open`, {})
  const links = await api<Links>(server, token, 'GET', `/api/campaigns/${id}/links`)
  const slug = links.items[0]?.slug
  if (slug === undefined) throw new Error(`campaign ${id} has no link`)
  return {
    id,
    slug,
    unitId,
    tokens: async (count) =>
      (
        await api<{ tokens: string[] }>(server, token, 'POST', `/api/campaigns/${id}/tokens`, {
          unitId,
          source: 'members',
          count,
        })
      ).tokens,
    responses: async () =>
      (
        await api<{
          participation: { bySource: Record<string, { responses: number } | undefined> }
        }>(server, token, 'GET', `/api/campaigns/${id}/results`)
      ).participation.bySource.members?.responses ?? 0,
  }
}
