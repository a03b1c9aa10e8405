import { type Db, schema } from '@yardstick/db'
import { and, eq, sql } from 'drizzle-orm'
import type { AuthUser } from '../auth/sessions'
import { hashRespondentToken } from '../campaigns/secrets'
import { AppError } from '../http/errors'
import type { LinkContext } from './link-context'

/**
 * Seconds after a timed quiz's end during which its answers are still accepted: what a page
 * submits the moment the countdown ends may take this long to arrive on a slow network (and a
 * phone's clock may differ a little from the server's). Stated in the OpenAPI description and
 * the server README.
 */
export const TIME_LIMIT_GRACE_SECONDS = 60

/**
 * Whether a link is timed: its campaign sets `timeLimitMinutes` and its source's form is a quiz
 * (a survey or a scorecard is never timed, whatever the campaign says).
 *
 * @example
 * if (isTimed(context)) await assertWithinTimeLimit(db, context, key)
 */
export function isTimed(context: LinkContext): boolean {
  return context.campaign.timeLimitMinutes !== null && context.form.kind === 'quiz'
}

/**
 * Who a countdown belongs to: the hash of the one-time token (never the token), else
 * `user:<id>` of the signed-in respondent; null when neither is known.
 *
 * @example
 * attemptKey('7KQ2-M9XD-0RTB-4HZC', null) // '5f1c…' (SHA-256 hex)
 * attemptKey(undefined, user) // 'user:12'
 */
export function attemptKey(token: string | undefined, user: AuthUser | null): string | null {
  if (token !== undefined) return hashRespondentToken(token)
  return user ? `user:${user.id}` : null
}

/** When a respondent's countdown started on a link, or null when it has not. */
export async function attemptStartedAt(db: Db, slug: string, key: string): Promise<Date | null> {
  const { linkAttempts } = schema
  const [row] = await db
    .select({ startedAt: linkAttempts.startedAt })
    .from(linkAttempts)
    .where(and(eq(linkAttempts.slug, slug), eq(linkAttempts.respondentKey, key)))
  return row?.startedAt ?? null
}

/**
 * Starts a respondent's countdown, or keeps the start they already have (a second tab, a
 * reload, a retried request never restarts it). Returns the start.
 *
 * @example
 * const startedAt = await startAttempt(db, slug, attemptKey(token, user))
 */
export async function startAttempt(db: Db, slug: string, key: string): Promise<Date> {
  const [row] = await db
    .insert(schema.linkAttempts)
    .values({ slug, respondentKey: key })
    .onConflictDoUpdate({
      target: [schema.linkAttempts.slug, schema.linkAttempts.respondentKey],
      // A no-op update, so the existing row (and its first start) is returned.
      set: { startedAt: sql`${schema.linkAttempts.startedAt}` },
    })
    .returning({ startedAt: schema.linkAttempts.startedAt })
  if (!row) throw new Error(`link attempt ${slug} was not stored`)
  return row.startedAt
}

/** The end of a countdown that started at `startedAt`. */
export function attemptEndsAt(context: LinkContext, startedAt: Date): Date {
  return new Date(startedAt.getTime() + (context.campaign.timeLimitMinutes ?? 0) * 60_000)
}

/**
 * Refuses a submission on a timed link that has no countdown started for this respondent
 * (`attemptNotStarted`), or that arrives after its end plus `TIME_LIMIT_GRACE_SECONDS`
 * (`timeLimitExceeded`, with `endsAt` and `graceSeconds`).
 *
 * @returns the refusal, or null when the submission is in time
 * @example
 * const late = await timeLimitRefusal(db, context, attemptKey(token, user))
 */
export async function timeLimitRefusal(
  db: Db,
  context: LinkContext,
  key: string | null,
  now: Date = new Date(),
): Promise<AppError | null> {
  const startedAt = key === null ? null : await attemptStartedAt(db, context.slug, key)
  if (!startedAt) {
    return new AppError(
      'attemptNotStarted',
      `This quiz is timed: start it with POST /api/links/${context.slug}/attempts before submitting`,
      { minutes: context.campaign.timeLimitMinutes },
    )
  }
  const endsAt = attemptEndsAt(context, startedAt)
  if (now.getTime() <= endsAt.getTime() + TIME_LIMIT_GRACE_SECONDS * 1000) return null
  return new AppError(
    'timeLimitExceeded',
    `The time limit ended at ${endsAt.toISOString()}; answers are accepted until ` +
      `${TIME_LIMIT_GRACE_SECONDS} s after it`,
    { endsAt: endsAt.toISOString(), graceSeconds: TIME_LIMIT_GRACE_SECONDS },
  )
}
