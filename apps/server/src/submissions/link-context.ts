import {
  type CampaignStatus,
  type Db,
  type SourceKey,
  type SourceRespondent,
  schema,
} from '@yardstick/db'
import { compileForm, type FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import {
  type CampaignPart,
  type LinkPart,
  loadCampaignPart,
  loadLinkPart,
} from './link-context-load'

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
  /** How long a campaign's status and settings are trusted, in ms (default 1000). */
  ttlMs?: number
  /** How long a link's own part (unit, source, form) is trusted, in ms (default 600,000: 10 min). */
  linkTtlMs?: number
  /** How many links are kept (default 200,000: about 0.7 KB each, 140 MB); the oldest go first. */
  maxLinks?: number
}

/** A link's own part with its form. */
interface LinkValue extends LinkPart {
  form: FormJson
  hasBanks: boolean
}

interface LinkEntry {
  loaded: Promise<LinkValue | null>
  /** When its read began. */
  at: number
  expiresAt: number
  /** Set once loaded; an entry still loading may belong to any campaign and any unit. */
  campaignId?: number
  unitPath?: string
}

interface CampaignEntry {
  loaded: Promise<CampaignPart | null>
  at: number
}

/** Campaigns kept (they are few; the bound only stops a runaway). */
const MAX_CAMPAIGNS = 10_000

/**
 * Link contexts kept in memory, so a submission costs no read on the hot path. A context has two
 * lifetimes:
 *
 * - A link's own part (campaign id, unit, source, the unit's form version and form) lives
 *   `linkTtlMs` (10 minutes), up to `maxLinks` links, oldest out. It changes only when the org
 *   tree is edited (a unit renamed, retyped — its instrument — or moved: its path, which decides
 *   the assessors who may answer) or when a campaign's sources change (allowed while it has no
 *   response). The campaign's once-a-second read carries a stamp of its sources and of the org
 *   tree's version (`org_tree_version`, bumped in the transaction of every tree edit), and a link
 *   read before a differing stamp is read again: an edit on any process is seen within `ttlMs`.
 *   Edits in this process drop the affected links at once: `invalidateUnit` after `updateOrg`,
 *   `moveOrg` and an org import, `invalidateCampaign` after a campaign update.
 * - A campaign's status and settings live `ttlMs` (1 s): one read per campaign per second however
 *   many of its links are hit, concurrent misses sharing it; `invalidateCampaign` drops it at
 *   once after open/close or `PATCH /api/campaigns/:id` in this process.
 *
 * The group-commit writer re-checks the status inside its transaction, so a stale entry can never
 * let a response into a closed campaign.
 *
 * @example
 * const context = await linkContexts(db).get('q8Xr…')
 */
export class LinkContextCache {
  readonly #db: Db
  readonly #ttlMs: number
  readonly #linkTtlMs: number
  readonly #maxLinks: number
  readonly #links = new Map<string, LinkEntry>()
  readonly #campaigns = new Map<number, CampaignEntry>()
  readonly #forms = new Map<number, FormJson>()

  constructor(
    db: Db,
    { ttlMs = 1000, linkTtlMs = 600_000, maxLinks = 200_000 }: LinkContextCacheOptions = {},
  ) {
    this.#db = db
    this.#ttlMs = ttlMs
    this.#linkTtlMs = linkTtlMs
    this.#maxLinks = maxLinks
  }

  /** The context of a link, or null when no link has this slug. */
  async get(slug: string): Promise<LinkContext | null> {
    let link = this.#link(slug)
    let part = await link.loaded
    if (!part) return null
    const campaign = this.#campaign(part.campaignId)
    const mutable = await campaign.loaded
    if (!mutable) return null
    if (mutable.linkStamp !== part.linkStamp && link.at <= campaign.at) {
      // The campaign's sources changed after the link was read or the org tree was edited (maybe on another process).
      if (this.#links.get(slug) === link) this.#links.delete(slug)
      link = this.#link(slug)
      part = await link.loaded
      if (!part) return null
    }
    const { unit, source, form, hasBanks } = part
    return { slug, campaign: mutable.campaign, unit, source, form, hasBanks }
  }

  /** Forgets a campaign and every link of it (after its status, settings or sources changed). */
  invalidateCampaign(campaignId: number): void {
    this.#campaigns.delete(campaignId)
    for (const [slug, entry] of this.#links) {
      if (entry.campaignId === undefined || entry.campaignId === campaignId) {
        this.#links.delete(slug)
      }
    }
  }

  /**
   * Forgets the links of a unit and of every unit under it (after it was renamed, retyped or
   * moved, or an org import changed its subtree). A path lists its units' ids (`/1/4/17/`), so
   * the unit's id finds them whatever its path was before a move.
   */
  invalidateUnit(unitId: number): void {
    const step = `/${unitId}/`
    for (const [slug, entry] of this.#links) {
      if (entry.unitPath === undefined || entry.unitPath.includes(step)) {
        this.#links.delete(slug)
      }
    }
  }

  #link(slug: string): LinkEntry {
    const now = Date.now()
    const entry = this.#links.get(slug)
    if (entry && now < entry.expiresAt) return entry
    const loaded = this.#loadLink(slug)
    const fresh: LinkEntry = { loaded, at: now, expiresAt: now + this.#linkTtlMs }
    loaded.then(
      (value) => {
        fresh.campaignId = value?.campaignId
        fresh.unitPath = value?.unit.path
        // A slug not found yet may be one being created: asked again after the short TTL.
        if (!value) fresh.expiresAt = now + this.#ttlMs
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
    return fresh
  }

  #campaign(campaignId: number): CampaignEntry {
    const now = Date.now()
    const entry = this.#campaigns.get(campaignId)
    if (entry && now - entry.at < this.#ttlMs) return entry
    const loaded = loadCampaignPart(this.#db, campaignId)
    const fresh: CampaignEntry = { loaded, at: now }
    loaded.catch(() => {
      if (this.#campaigns.get(campaignId) === fresh) this.#campaigns.delete(campaignId)
    })
    this.#campaigns.delete(campaignId)
    this.#campaigns.set(campaignId, fresh)
    if (this.#campaigns.size > MAX_CAMPAIGNS) {
      const oldest = this.#campaigns.keys().next().value
      if (oldest !== undefined) this.#campaigns.delete(oldest)
    }
    return fresh
  }

  async #loadLink(slug: string): Promise<LinkValue | null> {
    const part = await loadLinkPart(this.#db, slug)
    if (!part) return null
    const form = await this.#form(part.source.formVersionId)
    return { ...part, form, hasBanks: compileForm(form).banks.length > 0 }
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
