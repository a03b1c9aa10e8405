import {
  type CampaignStatus,
  type Db,
  type SourceKey,
  type SourceRespondent,
  schema,
} from '@yardstick/db'
import { compileForm, type FormJson } from '@yardstick/sdk'
import { and, eq } from 'drizzle-orm'
import { unitFormVersionSql } from '../campaigns/unit-form'

/** Everything a respondent link needs to show a form and accept a response. */
export interface LinkContext {
  slug: string
  campaign: {
    id: number
    orgId: number
    name: string
    status: CampaignStatus
    opensAt: Date
    closesAt: Date
    allowedOrigins: string[]
    /** Whether respondents are shown their score. */
    showScore: boolean
    /** Minutes each respondent of a quiz has from the start of their attempt; null: none. */
    timeLimitMinutes: number | null
  }
  unit: { id: number; name: string; path: string }
  source: {
    key: SourceKey
    answeredBy: SourceRespondent
    anonymous: boolean
    formVersionId: number
  }
  /** The published version's JSON: one shared object per version (its scoring plan is cached). */
  form: FormJson
  /** Whether the form has question banks (`drawCount`), so each respondent needs a draw seed. */
  hasBanks: boolean
}

/** Options of `LinkContextCache`. */
export interface LinkContextCacheOptions {
  /** How long a campaign's status is trusted before it is read again, in ms (default 1000). */
  ttlMs?: number
  /** How many links are kept (default 20,000); the oldest go first. */
  maxLinks?: number
}

interface Entry {
  loaded: Promise<LinkContext | null>
  at: number
  /** Set once loaded; an entry still loading may belong to any campaign. */
  campaignId?: number
}

/**
 * Link contexts kept in memory, so a submission costs no read on the hot path. A link and its
 * source never change; a campaign's status and settings do (and its sources' form versions,
 * while it has no response), so an entry lives `ttlMs` and `invalidateCampaign` drops it at
 * once after open/close or `PATCH /api/campaigns/:id` in this process. The
 * group-commit writer re-checks the status inside its transaction, so a stale entry can never
 * let a response into a closed campaign.
 *
 * @example
 * const context = await linkContexts(db).get('q8Xr…')
 */
export class LinkContextCache {
  readonly #db: Db
  readonly #ttlMs: number
  readonly #maxLinks: number
  readonly #links = new Map<string, Entry>()
  readonly #forms = new Map<number, FormJson>()

  constructor(db: Db, { ttlMs = 1000, maxLinks = 20_000 }: LinkContextCacheOptions = {}) {
    this.#db = db
    this.#ttlMs = ttlMs
    this.#maxLinks = maxLinks
  }

  /** The context of a link, or null when no link has this slug. */
  get(slug: string): Promise<LinkContext | null> {
    const now = Date.now()
    const entry = this.#links.get(slug)
    if (entry && now - entry.at < this.#ttlMs) return entry.loaded
    const loaded = this.#load(slug)
    const fresh: Entry = { loaded, at: now }
    loaded.then(
      (context) => {
        fresh.campaignId = context?.campaign.id
      },
      // A failed read is not remembered.
      () => {
        if (this.#links.get(slug) === fresh) this.#links.delete(slug)
      },
    )
    this.#links.delete(slug)
    this.#links.set(slug, fresh)
    if (this.#links.size > this.#maxLinks) {
      const oldest = this.#links.keys().next().value
      if (oldest !== undefined) this.#links.delete(oldest)
    }
    return loaded
  }

  /** Forgets every link of a campaign (after its status or settings changed). */
  invalidateCampaign(campaignId: number): void {
    for (const [slug, entry] of this.#links) {
      if (entry.campaignId === undefined || entry.campaignId === campaignId) {
        this.#links.delete(slug)
      }
    }
  }

  async #load(slug: string): Promise<LinkContext | null> {
    const { links, campaigns, campaignSources, orgs } = schema
    const [row] = await this.#db
      .select({
        campaign: {
          id: campaigns.id,
          orgId: campaigns.orgId,
          name: campaigns.name,
          status: campaigns.status,
          opensAt: campaigns.opensAt,
          closesAt: campaigns.closesAt,
          allowedOrigins: campaigns.allowedOrigins,
          showScore: campaigns.showScore,
          timeLimitMinutes: campaigns.timeLimitMinutes,
        },
        unit: { id: orgs.id, name: orgs.name, path: orgs.path },
        source: {
          key: campaignSources.key,
          answeredBy: campaignSources.answeredBy,
          anonymous: campaignSources.anonymous,
          // The unit's branch type may have its own instrument (分类制定).
          formVersionId: unitFormVersionSql(orgs.unitType).mapWith(Number),
        },
      })
      .from(links)
      .innerJoin(campaigns, eq(campaigns.id, links.campaignId))
      .innerJoin(
        campaignSources,
        and(
          eq(campaignSources.campaignId, links.campaignId),
          eq(campaignSources.key, links.sourceKey),
        ),
      )
      .innerJoin(orgs, eq(orgs.id, links.unitId))
      .where(eq(links.slug, slug))
    if (!row) return null
    const form = await this.#form(row.source.formVersionId)
    return { slug, ...row, form, hasBanks: compileForm(form).banks.length > 0 }
  }

  async #form(versionId: number): Promise<FormJson> {
    const cached = this.#forms.get(versionId)
    if (cached) return cached
    const [version] = await this.#db
      .select({ json: schema.formVersions.json })
      .from(schema.formVersions)
      .where(eq(schema.formVersions.id, versionId))
    if (!version) throw new Error(`form version ${versionId} of a campaign source is missing`)
    const form = version.json
    if (this.#forms.size >= 1000) this.#forms.clear()
    this.#forms.set(versionId, form)
    return form
  }
}

const caches = new WeakMap<Db, LinkContextCache>()

/**
 * The one link-context cache of a database (shared by the link and campaign routes, so opening
 * or closing a campaign is seen at once).
 *
 * @example
 * linkContexts(db).invalidateCampaign(campaign.id)
 */
export function linkContexts(db: Db): LinkContextCache {
  let cache = caches.get(db)
  if (!cache) {
    cache = new LinkContextCache(db)
    caches.set(db, cache)
  }
  return cache
}

/**
 * Whether a source is answered by signed-in, named people — assessors (上级考评) or a panel
 * (述职评议) — rather than by the branch's workflow or by members: its link needs sign-in, its
 * form is shown as an assessor's (`Audience`), each deduction and veto on it needs a reason
 * (`reasonsRequired`), and its responses are the ones a deduction's follow-up is raised from.
 *
 * @example
 * answeredSignedIn('assessors') // true
 * answeredSignedIn('members') // false
 */
export function answeredSignedIn(answeredBy: SourceRespondent): boolean {
  return answeredBy === 'assessors' || answeredBy === 'panel'
}

/** Whether a campaign takes responses now: status `open` and `opensAt ≤ now ≤ closesAt`. */
export function acceptsResponses(
  campaign: Pick<LinkContext['campaign'], 'status' | 'opensAt' | 'closesAt'>,
  now: Date = new Date(),
): boolean {
  return campaign.status === 'open' && campaign.opensAt <= now && now <= campaign.closesAt
}
