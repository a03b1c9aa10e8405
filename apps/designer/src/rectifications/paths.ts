/**
 * The branch's screen for one rectification (its secretary updates it there).
 *
 * @example
 * rectificationPath(12) // '/branch/rectifications/12'
 */
export function rectificationPath(id: number): string {
  return `/branch/rectifications/${id}`
}

/** The superior office's screen: every rectification it reaches, overdue first. */
export const RECTIFICATION_REVIEW_PATH = '/rectifications'
