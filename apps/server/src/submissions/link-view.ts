import type { CampaignStatus, Db, SourceKey, SourceRespondent } from '@yardstick/db'
import { type FormJson, type LinkTimeLimit, normalizeToken, personalize } from '@yardstick/sdk'
import { AppError } from '../http/errors'
import {
  attemptEndsAt,
  attemptKey,
  attemptStartedAt,
  isTimed,
  TIME_LIMIT_GRACE_SECONDS,
} from './attempts'
import { acceptsResponses, answeredSignedIn, linkContexts } from './link-context'
import { resolveRespondent } from './respondent'
import {
  type Audience,
  quizQuestionCount,
  respondentForm,
  toRespondentForm,
  withoutQuestions,
} from './respondent-form'
import { assertTokenUsable } from './respondent-token'

/** What `GET /api/links/:slug` answers: the form a respondent sees and what the link needs. */
export interface LinkView {
  campaign: {
    id: number
    name: string
    status: CampaignStatus
    opensAt: string
    closesAt: string
    accepting: boolean
  }
  unit: { id: number; name: string }
  source: SourceKey
  answeredBy: SourceRespondent
  anonymous: boolean
  needsToken: boolean
  needsSignIn: boolean
  /** Whether the respondent sees their score after submitting: the campaign's `showScore`. */
  showScore: boolean
  /** Whether the request carries a valid session (read on links that are not anonymous). */
  signedIn: boolean
  /** A timed quiz's countdown for this respondent; null when the link is not timed. */
  timeLimit: LinkTimeLimit | null
  /** Only what `RESPONDENT_PROPERTIES` allows; a timed quiz not yet started has no pages. */
  form: FormJson
}

/**
 * The form behind a link for one respondent: personalised (`personalize`) when it has question
 * banks, seeded by the token's random draw seed (`tokenDrawSeed`) or the signed-in user, holding
 * only what a respondent may see (`RESPONDENT_PROPERTIES`, one allow-list: a quiz's answer key
 * and every scoring property stay on the server).
 * A given token must be one of this link's and unused. A timed quiz states its countdown and
 * shows its questions only once this respondent has started it (`POST …/attempts`).
 *
 * @example
 * const view = await viewLink(db, slug, { token: '7KQ2-M9XD-0RTB-4HZC' })
 */
export async function viewLink(
  db: Db,
  slug: string,
  { token: given, sessionToken }: { token?: string; sessionToken?: string },
): Promise<LinkView> {
  const context = await linkContexts(db).get(slug)
  if (!context) throw new AppError('notFound', `No respondent link ${slug}`)
  const token = given === undefined ? undefined : normalizeToken(given)
  if (token !== undefined) await assertTokenUsable(db, context, token)
  const { source, campaign, unit } = context
  const { user, seed } = await resolveRespondent(db, context, {
    token,
    sessionToken,
    submitting: false,
  })
  const personal = seed === undefined ? null : personalize(context.form, seed)
  let timeLimit: LinkTimeLimit | null = null
  if (isTimed(context)) {
    const key = attemptKey(token, user)
    const startedAt = key === null ? null : await attemptStartedAt(db, slug, key)
    timeLimit = {
      minutes: campaign.timeLimitMinutes ?? 0,
      graceSeconds: TIME_LIMIT_GRACE_SECONDS,
      startedAt: startedAt?.toISOString() ?? null,
      endsAt: startedAt ? attemptEndsAt(context, startedAt).toISOString() : null,
      serverTime: new Date().toISOString(),
      // Counted on the answer keys that mark quiz questions, before they are stripped.
      questionCount: quizQuestionCount(personal ?? context.form),
    }
  }
  const audience: Audience = answeredSignedIn(source.answeredBy) ? 'assessor' : 'respondent'
  const form = personal
    ? toRespondentForm(personal, audience)
    : respondentForm(context.form, audience)
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      opensAt: campaign.opensAt.toISOString(),
      closesAt: campaign.closesAt.toISOString(),
      accepting: acceptsResponses(campaign),
    },
    unit: { id: unit.id, name: unit.name },
    source: source.key,
    answeredBy: source.answeredBy,
    anonymous: source.anonymous,
    needsToken: source.anonymous,
    needsSignIn: answeredSignedIn(source.answeredBy),
    showScore: campaign.showScore,
    signedIn: user !== null,
    timeLimit,
    // A timed quiz shows its questions once this respondent's countdown runs.
    form: timeLimit && timeLimit.startedAt === null ? withoutQuestions(form) : form,
  }
}
