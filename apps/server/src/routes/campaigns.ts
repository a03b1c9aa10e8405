import { createRoute, z } from '@hono/zod-openapi'
import {
  CampaignLinkSchema,
  CampaignLinksQuerySchema,
  CampaignMovedSchema,
  CampaignSchema,
  CampaignSummarySchema,
  CreateCampaignSchema,
  IdSchema,
  IssuedTokensSchema,
  IssueTokensSchema,
  NextPeriodSchema,
  PageQuerySchema,
  pageSchema,
  UpdateCampaignSchema,
} from '@yardstick/contract'
import type { Db } from '@yardstick/db'
import { type AuthEnv, requireUser } from '../auth/middleware'
import type { AuthUser } from '../auth/sessions'
import {
  assertManages,
  type CampaignRow,
  managesCampaign,
  visibleCampaign,
} from '../campaigns/access'
import { createCampaign } from '../campaigns/create-campaign'
import { startNextPeriod } from '../campaigns/next-period'
import { campaignDetail, listCampaigns, listLinks } from '../campaigns/queries'
import { moveCampaign } from '../campaigns/status'
import { tokensCsv, tokensHtml } from '../campaigns/token-sheets'
import { issueTokens } from '../campaigns/tokens'
import { updateCampaign } from '../campaigns/update-campaign'
import type { AppDeps } from '../deps'
import { createRouter, errorResponses, idParam } from '../http/openapi'
import { publicOrigin } from '../http/public-origin'

const IdParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) })
const security = [{ bearer: [] }]
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const createCampaignRoute = createRoute({
  method: 'post',
  path: '/campaigns',
  operationId: 'createCampaign',
  tags: ['campaigns'],
  summary: 'Create a campaign (draft) with its respondent links · 创建测评活动（草稿）及答题链接',
  description:
    'Admin or editor reaching the office and every unit. Units resolve to branches; the rules ' +
    '(sources, bands, quota) are checked by the SDK’s `evaluate`; one link per (unit, source).',
  security,
  request: { body: { content: { 'application/json': { schema: CreateCampaignSchema } } } },
  responses: {
    201: json(IdSchema, 'Created'),
    ...errorResponses(400, 401, 403, 413),
  },
})

const nextPeriodRoute = createRoute({
  method: 'post',
  path: '/campaigns/{id}/next-period',
  operationId: 'startNextPeriod',
  tags: ['campaigns'],
  summary: 'Start the next period of a campaign (draft) · 开始下一期',
  description:
    'Admin or editor of the campaign’s office. A new draft following this campaign ' +
    '(`previousCampaignId`): its cadence, bands, quota, allowed origins, showScore, time limit, ' +
    'sources (form versions, weights, rules, per-type forms) and units, with new respondent ' +
    'links. `name`, `opensAt`, `closesAt` default to the next period by cadence (monthly +1 ' +
    'month, quarterly +3, yearly +1 year) and a suggested name. 409 `nextPeriodExists` ' +
    '(`details.nextCampaignId`) when the campaign already has its next period; 403 `forbidden` ' +
    'naming the units you may not edit (`details.units`: id, name), e.g. moved out of your subtree.',
  security,
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: NextPeriodSchema } } },
  },
  responses: {
    201: json(IdSchema, 'Created'),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const listCampaignsRoute = createRoute({
  method: 'get',
  path: '/campaigns',
  operationId: 'listCampaigns',
  tags: ['campaigns'],
  summary: 'Campaigns you can see, newest first · 可见的测评活动（最新在前）',
  security,
  request: { query: PageQuerySchema },
  responses: {
    200: json(pageSchema(CampaignSummarySchema), 'A page of campaigns'),
    ...errorResponses(400, 401),
  },
})

const getCampaignRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}',
  operationId: 'getCampaign',
  tags: ['campaigns'],
  summary: 'A campaign with its sources, unit count and status · 测评活动详情',
  security,
  request: { params: IdParams },
  responses: { 200: json(CampaignSchema, 'The campaign'), ...errorResponses(401, 404) },
})

const updateCampaignRoute = createRoute({
  method: 'patch',
  path: '/campaigns/{id}',
  operationId: 'updateCampaign',
  tags: ['campaigns'],
  summary: 'Change a campaign’s settings · 修改测评活动设置',
  description:
    'Admin or editor of the campaign’s office, while it is a draft or open (closed: 409 ' +
    '`campaignClosed`). Name, window (`closesAt` after `opensAt`), `allowedOrigins` (normalised, ' +
    'deduplicated), `showScore`, `timeLimitMinutes`; and the sources (added, removed, their form ' +
    'versions, weights, minimum responses, who answers and panels; labels at any time) only ' +
    'while the campaign has no response (else 409 `responsesExist`, with `details.issues` ' +
    'naming each field; the self-check’s version also stays once a branch has begun its ' +
    'self-check). All or nothing; respondent links see the change at once.',
  security,
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: UpdateCampaignSchema } } },
  },
  responses: {
    200: json(CampaignSchema, 'The campaign as changed'),
    ...errorResponses(400, 401, 403, 404, 409, 413),
  },
})

const listLinksRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}/links',
  operationId: 'listCampaignLinks',
  tags: ['campaigns'],
  summary: 'Respondent links of a campaign · 测评活动的答题链接',
  description:
    'All links for the campaign’s managers; else those of the units your roles reach. ' +
    'Ordered by unit and source; paged by `limit` and `offset`.',
  security,
  request: {
    params: IdParams,
    query: CampaignLinksQuerySchema,
  },
  responses: {
    200: json(pageSchema(CampaignLinkSchema), 'A page of links'),
    ...errorResponses(400, 401, 404),
  },
})

const transitionRoute = (action: 'open' | 'close', summary: string, description: string) =>
  createRoute({
    method: 'post',
    path: `/campaigns/{id}/${action}`,
    operationId: `${action}Campaign`,
    tags: ['campaigns'],
    summary,
    description,
    security,
    request: { params: IdParams },
    responses: {
      200: json(CampaignMovedSchema, 'Moved'),
      ...errorResponses(401, 403, 404, 409),
    },
  })
const openRoute = transitionRoute(
  'open',
  'Open a campaign for responses · 开始测评',
  'draft → open (admin or editor); closed → open only by an admin (reopening). ' +
    'Responses are taken while open and now is within [opensAt, closesAt].',
)
const closeRoute = transitionRoute(
  'close',
  'Close a campaign · 结束测评',
  'open → closed (admin or editor). A closed campaign takes no responses.',
)

const tokensRoute = createRoute({
  method: 'post',
  path: '/campaigns/{id}/tokens',
  operationId: 'issueCampaignTokens',
  tags: ['campaigns'],
  summary: 'Issue one-time respondent tokens · 生成一次性答题凭证',
  description:
    'Admin or editor of the campaign. JSON by default; `Accept: text/csv` gives `token,link` ' +
    'rows (full respondent URLs on this server), `Accept: text/html` a printable page of A4 ' +
    'slips, each with a QR code of its URL. Tokens are shown once: only their SHA-256 is stored.',
  security,
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: IssueTokensSchema } } },
  },
  responses: {
    201: {
      description: 'Issued',
      content: {
        'application/json': {
          schema: IssuedTokensSchema,
        },
        'text/csv': { schema: z.string() },
        'text/html': { schema: z.string() },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** A campaign's detail as the user reads it: with whether they manage it. */
async function detailFor(db: Db, user: AuthUser, campaign: CampaignRow) {
  return { ...(await campaignDetail(db, campaign)), canManage: managesCampaign(user, campaign) }
}

/** Campaigns (测评活动): create, list, read, change settings, next period, links, open/close and respondent tokens. */
export function campaignsRoutes({ database }: AppDeps) {
  const { db } = database
  const router = createRouter<AuthEnv>()
  router.use('/campaigns', requireUser(db))
  router.use('/campaigns/*', requireUser(db))

  router.openapi(createCampaignRoute, async (c) => {
    const id = await createCampaign(db, c.var.user, c.req.valid('json'))
    return c.json({ id }, 201)
  })

  router.openapi(nextPeriodRoute, async (c) => {
    const campaignId = idParam(c.req.param('id'), 'campaign')
    const id = await startNextPeriod(db, c.var.user, campaignId, c.req.valid('json'))
    return c.json({ id }, 201)
  })

  router.openapi(listCampaignsRoute, async (c) =>
    c.json(await listCampaigns(db, c.var.user, c.req.valid('query')), 200),
  )

  router.openapi(getCampaignRoute, async (c) => {
    const user = c.var.user
    const campaign = await visibleCampaign(db, user, idParam(c.req.param('id'), 'campaign'))
    return c.json(await detailFor(db, user, campaign), 200)
  })

  router.openapi(updateCampaignRoute, async (c) => {
    const user = c.var.user
    const id = idParam(c.req.param('id'), 'campaign')
    const campaign = await visibleCampaign(db, user, id)
    assertManages(user, campaign)
    await updateCampaign(db, campaign, c.req.valid('json'), user)
    return c.json(await detailFor(db, user, await visibleCampaign(db, user, id)), 200)
  })

  router.openapi(listLinksRoute, async (c) => {
    const user = c.var.user
    const campaign = await visibleCampaign(db, user, idParam(c.req.param('id'), 'campaign'))
    return c.json(await listLinks(db, user, campaign, c.req.valid('query')), 200)
  })

  for (const [route, action] of [
    [openRoute, 'open'],
    [closeRoute, 'close'],
  ] as const) {
    router.openapi(route, async (c) => {
      const user = c.var.user
      const campaign = await visibleCampaign(db, user, idParam(c.req.param('id'), 'campaign'))
      assertManages(user, campaign)
      const status = await moveCampaign(db, user, campaign, action)
      return c.json({ id: campaign.id, status: status as 'open' | 'closed' }, 200)
    })
  }

  router.openapi(tokensRoute, async (c) => {
    const user = c.var.user
    const campaign = await visibleCampaign(db, user, idParam(c.req.param('id'), 'campaign'))
    assertManages(user, campaign)
    const issued = await issueTokens(db, campaign, c.req.valid('json'), user.id)
    const accept = c.req.header('accept') ?? ''
    const file = `tokens-${campaign.id}-${issued.unit.id}`
    const origin = publicOrigin(c)
    if (accept.includes('text/csv')) {
      return c.body(tokensCsv(issued, origin), 201, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file}.csv"`,
      })
    }
    if (accept.includes('text/html')) return c.html(await tokensHtml(issued, origin), 201)
    const { tokens, unit, source, slug } = issued
    return c.json({ tokens, unitId: unit.id, source, slug }, 201)
  })
  return router
}
