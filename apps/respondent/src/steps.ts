import type { LinkError, LinkView } from '@yardstick/sdk/link'

/** What the page shows for a link. */
export type Step =
  /** A refusal that leaves nothing to answer: its own page. */
  | { name: 'error'; error: LinkError }
  /** A token the server does not know for this link: say so, and ask again. */
  | { name: 'invalidToken'; error: LinkError }
  /** The link needs a token the address did not bring; `signIn` also offers signing in. */
  | { name: 'token'; signIn: boolean }
  /** An assessor's link, signed out. */
  | { name: 'signIn'; view: LinkView }
  /** A timed quiz not yet started. */
  | { name: 'start'; view: LinkView }
  /**
   * The form. `view` is absent when a response saved on this device is sent first (the form
   * then reads the link itself); `clockOffset` is the server's clock minus this device's, in ms.
   */
  | { name: 'answer'; view?: LinkView; clockOffset: number }

/** What `nextStep` needs besides the view. */
export interface StepContext {
  /** The token the page has (from the address or typed in). */
  token: string | undefined
  /** When the view arrived, on this device's clock (`Date.now()`). */
  receivedAt: number
}

/**
 * The page a link's view leads to, in order: a self-check is filled in its workflow; a
 * campaign not taking answers says when it opens or that it closed; a token link without a
 * token asks for one; an assessor's link signed out offers sign-in; a timed quiz not yet
 * started shows its start, and one whose time and grace are over says so; else the form.
 *
 * @example
 * nextStep(view, { token: undefined, receivedAt: Date.now() }) // { name: 'token', signIn: false }
 */
export function nextStep(view: LinkView, { token, receivedAt }: StepContext): Step {
  const { campaign, timeLimit } = view
  if (view.answeredBy === 'selfCheck') {
    return { name: 'error', error: refusal('conflict', 409, null) }
  }
  if (!campaign.accepting) {
    const { status, opensAt, closesAt } = campaign
    return { name: 'error', error: refusal('campaignNotOpen', 409, { status, opensAt, closesAt }) }
  }
  if (view.needsToken && token === undefined) return { name: 'token', signIn: false }
  if (view.needsSignIn && !view.signedIn) return { name: 'signIn', view }
  const clockOffset = timeLimit ? Date.parse(timeLimit.serverTime) - receivedAt : 0
  if (timeLimit) {
    if (timeLimit.startedAt === null || timeLimit.endsAt === null) return { name: 'start', view }
    const over = Date.parse(timeLimit.endsAt) + timeLimit.graceSeconds * 1000
    if (receivedAt + clockOffset > over) {
      const details = { endsAt: timeLimit.endsAt, graceSeconds: timeLimit.graceSeconds }
      return { name: 'error', error: refusal('timeLimitExceeded', 409, details) }
    }
  }
  return { name: 'answer', view, clockOffset }
}

function refusal(code: string, status: number, details: unknown): LinkError {
  // The page words it by code (linkErrorText); no server prose to show.
  return { code, status, message: '', details }
}
