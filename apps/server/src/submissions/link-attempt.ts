import type { Db } from '@yardstick/db'
import { normalizeToken } from '@yardstick/sdk'
import { AppError } from '../http/errors'
import { attemptKey, isTimed, startAttempt } from './attempts'
import { acceptsResponses, linkContexts } from './link-context'
import { type LinkView, viewLink } from './link-view'
import { resolveRespondent } from './respondent'
import { assertTokenUsable } from './respondent-token'
import { refusal } from './submit'

/**
 * `POST /api/links/:slug/attempts`: starts this respondent's countdown on a timed quiz (or keeps
 * the one already running: a reload or a second tab never restarts it) and answers the view,
 * now with the questions. The respondent is known by a usable token of the link, or signed in
 * on a link that is not anonymous; the campaign must be taking answers.
 *
 * @example
 * const view = await startLinkAttempt(db, slug, { token: '7KQ2-M9XD-0RTB-4HZC' })
 * view.timeLimit?.endsAt // startedAt + the campaign's minutes
 */
export async function startLinkAttempt(
  db: Db,
  slug: string,
  { token: given, sessionToken }: { token?: string; sessionToken?: string },
): Promise<LinkView> {
  const context = await linkContexts(db).get(slug)
  if (!context) throw new AppError('notFound', `No respondent link ${slug}`)
  if (!isTimed(context)) {
    throw new AppError('conflict', 'This link has no time limit: answer it without starting', {
      timed: false,
    })
  }
  if (!acceptsResponses(context.campaign)) throw refusal('campaignNotOpen', context)
  const token = given === undefined ? undefined : normalizeToken(given)
  if (token !== undefined) await assertTokenUsable(db, context, token)
  const { user } = await resolveRespondent(db, context, { token, sessionToken, submitting: false })
  const key = attemptKey(token, user)
  if (key === null) {
    throw context.source.anonymous
      ? new AppError('tokenRequired', 'Start this quiz with your one-time token')
      : new AppError('unauthenticated', 'Sign in (or use a token) to start this quiz')
  }
  await startAttempt(db, slug, key)
  return viewLink(db, slug, { token, sessionToken })
}
