import type { Db } from '@yardstick/db'
import type { AuthUser } from '../auth/sessions'
import { visibleCampaign } from '../campaigns/access'
import { createCampaign } from '../campaigns/create-campaign'
import { moveCampaign } from '../campaigns/status'
import { issueTokens } from '../campaigns/tokens'

/** The demo's timed quiz: its members link for one branch and the tokens printed for it. */
/**
 * When the demo's 2026 campaigns are open: a year's evaluation is finished in the first quarter
 * of the next, and the demo stays open into it rather than closing on its users at the turn of
 * the year.
 */
export const DEMO_PERIOD = {
  opensAt: '2026-01-01T00:00:00+08:00',
  closesAt: '2027-03-31T23:59:59+08:00',
} as const

export interface DemoQuiz {
  name: string
  unit: string
  /** The branch's members link (`respondentPath(slug, token)` is a slip's URL). */
  slug: string
  minutes: number
  /** One-time tokens (shown once: the database keeps only their hashes). */
  tokens: string[]
}

/** Options of `seedDemoQuiz`. */
export interface SeedDemoQuizOptions {
  /** The published quiz template's form version. */
  formVersion: number
  /** The office running it (the committee) and its path. */
  office: { id: number; name: string; path: string }
  /** The units it covers: the office's subtree. */
  subtree: number
  /** The branch whose slips are printed. */
  unit: { id: number; name: string }
}

const MINUTES = 20
const TOKENS = 30

/**
 * An open 党章党规知识测试 over the office's branches: each member draws 30 of the bank's
 * questions, has 20 minutes from pressing Start, and sees the score and the correct answers
 * after submitting; 30 one-time tokens for one branch, so `pnpm start` has a quiz to take.
 *
 * @example
 * const quiz = await seedDemoQuiz(db, admin, { formVersion, office, subtree, unit })
 * console.log(url + respondentPath(quiz.slug, quiz.tokens[0]))
 */
export async function seedDemoQuiz(
  db: Db,
  admin: AuthUser,
  { formVersion, office, subtree, unit }: SeedDemoQuizOptions,
): Promise<DemoQuiz> {
  const name = '2026年党章党规知识测试'
  const id = await createCampaign(db, admin, {
    orgId: office.id,
    name,
    cadence: 'yearly',
    ...DEMO_PERIOD,
    units: { subtree },
    sources: [
      {
        key: 'members',
        formVersion,
        weight: 1,
        measure: 'percent',
        anonymous: true,
      },
    ],
    bands: [
      { min: 90, grade: '优秀', stars: 5 },
      { min: 60, grade: '合格', stars: 3 },
      { min: 0, grade: '不合格', stars: 1 },
    ],
    showScore: true,
    timeLimitMinutes: MINUTES,
  })
  // Opened and given tokens through the routes' own services (each recorded in the audit log).
  const campaign = await visibleCampaign(db, admin, id)
  const status = await moveCampaign(db, admin, campaign, 'open')
  const issued = await issueTokens(
    db,
    { ...campaign, status },
    { unitId: unit.id, source: 'members', count: TOKENS },
    admin.id,
  )
  return {
    name,
    unit: unit.name,
    slug: issued.slug,
    minutes: MINUTES,
    tokens: issued.tokens,
  }
}
