import type { Db } from '@yardstick/db'
import { reaches } from '../auth/access'
import { type AuthUser, userForToken } from '../auth/sessions'
import { isPanelMember } from '../campaigns/source-rules'
import { AppError } from '../http/errors'
import { answeredSignedIn, type LinkContext } from './link-context'
import { assertTokenUsable, tokenDrawSeed } from './respondent-token'

/** Who answers through a link: the signed-in user (non-anonymous sources only) and a draw seed. */
export interface Respondent {
  user: AuthUser | null
  /** Seeds the question draw of a form with banks; undefined when the form has none. */
  seed: string | undefined
}

/** Options of `resolveRespondent`. */
export interface ResolveRespondentOptions {
  /** The normalised one-time token, if any. */
  token?: string
  /** The bearer or cookie session token, if any. */
  sessionToken?: string
  /** Submitting (default) or only reading the form, which needs no token or sign-in unless drawn. */
  submitting?: boolean
}

/**
 * Works out who answers a link and checks they may. An anonymous source needs a token to submit
 * and never looks at the session; an `assessors` source needs a signed-in assessor (or admin)
 * reaching the unit to submit, a `panel` source a signed-in member of its panel; a form with banks needs a seed even to be read — the token's random draw seed
 * (`tokenDrawSeed`; a token that is not the link's or was used is refused, 401 `tokenInvalid` or
 * 409 `tokenUsed`), else `user:<id>` of a signed-in respondent of a non-anonymous source.
 *
 * @example
 * const { user, seed } = await resolveRespondent(db, context, { token, sessionToken })
 */
export async function resolveRespondent(
  db: Db,
  context: LinkContext,
  { token, sessionToken, submitting = true }: ResolveRespondentOptions,
): Promise<Respondent> {
  const { source } = context
  if (submitting && source.anonymous && token === undefined) {
    throw new AppError(
      'tokenRequired',
      'This survey is anonymous: answer it with your one-time token',
      {
        source: source.key,
      },
    )
  }
  // A stale session does not stop a public survey; it only goes unrecorded.
  const user = !source.anonymous && sessionToken ? await userForToken(db, sessionToken) : null
  if (submitting && answeredSignedIn(source.answeredBy)) {
    if (!user) {
      throw new AppError(
        'unauthenticated',
        source.answeredBy === 'panel'
          ? 'Sign in as a member of the panel to rate this unit'
          : 'Sign in as an assessor to fill a superior scorecard',
      )
    }
    await assertMayRate(db, context, user)
  }
  if (!context.hasBanks) return { user, seed: undefined }
  if (token !== undefined) {
    const seed = await tokenDrawSeed(db, context, token)
    if (seed === null) throw await unusableToken(db, context, token)
    return { user, seed }
  }
  const seed = user ? `user:${user.id}` : undefined
  if (seed === undefined) {
    throw new AppError(
      'tokenRequired',
      'Each respondent draws their own questions: open this link with a token or signed in',
      // A page offers sign-in besides the token where the source is not anonymous.
      { anonymous: source.anonymous },
    )
  }
  return { user, seed }
}

/** Why a token draws nothing: used (409 `tokenUsed`) or not one of this link's (401). */
async function unusableToken(db: Db, context: LinkContext, token: string): Promise<AppError> {
  try {
    await assertTokenUsable(db, context, token)
  } catch (error) {
    return error as AppError
  }
  // Used between the two reads.
  return new AppError('tokenUsed', 'This token has already been used to answer')
}

/** 403 unless the user is on the source's panel, or (assessors) has a role reaching the unit. */
async function assertMayRate(db: Db, context: LinkContext, user: AuthUser): Promise<void> {
  const { source, unit, campaign } = context
  if (source.answeredBy === 'panel') {
    const named = await isPanelMember(
      db,
      { campaignId: campaign.id, sourceKey: source.key },
      user.id,
    )
    if (!named) {
      throw new AppError('forbidden', `You are not on the panel of ${source.key}`, {
        source: source.key,
      })
    }
    return
  }
  if (!reaches(user, unit.path, ['assessor'])) {
    throw new AppError('forbidden', `You have no assessor role that reaches ${unit.name}`, {
      roles: ['assessor'],
    })
  }
}
