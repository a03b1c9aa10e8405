import { randomBytes } from 'node:crypto'
import { type Db, schema } from '@yardstick/db'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { hashRespondentToken } from '../campaigns/secrets'
import { AppError } from '../http/errors'
import type { LinkContext } from './link-context'

/**
 * The seed of a token's quiz draw: 128 random bits made at the token's first view and kept on
 * its row, never derived from the token and never sent out, so whoever issued the tokens cannot
 * recompute which questions a token drew (and so find its response among the stored answers).
 * The same for every view and retry until the token is used; the store clears it then (the
 * response keeps its own copy, unlinked). Null when the token is not one of this link's or was
 * used.
 *
 * @example
 * const seed = await tokenDrawSeed(db, context, '7KQ2-M9XD-0RTB-4HZC') // 'k3J…' or null
 */
export async function tokenDrawSeed(
  db: Db,
  context: LinkContext,
  token: string,
): Promise<string | null> {
  const { respondentTokens: tokens } = schema
  const usable = and(
    eq(tokens.tokenHash, hashRespondentToken(token)),
    eq(tokens.campaignId, context.campaign.id),
    eq(tokens.unitId, context.unit.id),
    eq(tokens.sourceKey, context.source.key),
    isNull(tokens.usedAt),
  )
  const [row] = await db.select({ seed: tokens.drawSeed }).from(tokens).where(usable)
  if (!row) return null
  if (row.seed !== null) return row.seed
  // Two first views at once: the first seed written wins, and both answer it.
  const [made] = await db
    .update(tokens)
    .set({ drawSeed: sql`coalesce(${tokens.drawSeed}, ${randomBytes(16).toString('base64url')})` })
    .where(usable)
    .returning({ seed: tokens.drawSeed })
  return made?.seed ?? null
}

/**
 * Refuses a normalised token that is not one of this link's (`tokenInvalid`) or was used
 * (`tokenUsed`).
 *
 * @example
 * await assertTokenUsable(db, context, normalizeToken(given))
 */
export async function assertTokenUsable(
  db: Db,
  context: LinkContext,
  token: string,
): Promise<void> {
  const { respondentTokens: tokens } = schema
  const [row] = await db
    .select({
      campaignId: tokens.campaignId,
      unitId: tokens.unitId,
      sourceKey: tokens.sourceKey,
      usedAt: tokens.usedAt,
    })
    .from(tokens)
    .where(eq(tokens.tokenHash, hashRespondentToken(token)))
  const ours =
    row?.campaignId === context.campaign.id &&
    row.unitId === context.unit.id &&
    row.sourceKey === context.source.key
  if (!ours) throw new AppError('tokenInvalid', 'This token is not a token of this link')
  if (row.usedAt !== null)
    throw new AppError('tokenUsed', 'This token has already been used to answer')
}
