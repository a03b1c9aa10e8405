import { type Db, schema } from '@yardstick/db'
import { type Answers, type FormJson, localizedText, reasonedAnswers } from '@yardstick/sdk'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { answeredSignedIn } from '../submissions/link-context'
import type { ResultsCampaign } from './campaign'
import { loadFormVersionJson } from './question-report'

/** One deduction or veto of an assessor's scorecard, with the reason given for it. */
export interface ScorecardReasonItem {
  question: string
  title: { 'zh-CN': string; en: string }
  /** Points taken off (0 for a veto alone). */
  deducted: number
  veto: boolean
  /** Null only for responses stored before reasons were required. */
  reason: string | null
}

/** One assessor's scorecard of a unit (上级考评): who, when, and every deduction and veto. */
export interface UnitScorecard {
  id: number
  /** The assessor's name; null for an anonymous source. */
  respondent: string | null
  createdAt: string
  percent: number
  veto: boolean
  items: ScorecardReasonItem[]
}

/**
 * The scorecards assessors gave one unit in a campaign, oldest first, each with its deductions
 * and vetoes and their reasons, read from the stored answers by the SDK's `reasonedAnswers`
 * against the exact form version answered; null when the campaign has no source assessors answer.
 *
 * @example
 * const cards = await unitScorecards(db, campaign, 17)
 * cards[0]?.items[0]?.reason // '年内被上级党组织通报批评一次'
 */
export async function unitScorecards(
  db: Db,
  campaign: ResultsCampaign,
  unitId: number,
): Promise<UnitScorecard[] | null> {
  const sources = campaign.sources.filter((source) => answeredSignedIn(source.answeredBy))
  if (sources.length === 0) return null
  const { responses, users } = schema
  const rows = await db
    .select({
      id: responses.id,
      sourceKey: responses.sourceKey,
      formVersionId: responses.formVersionId,
      createdAt: responses.createdAt,
      percent: responses.percent,
      veto: responses.veto,
      answers: responses.answers,
      respondent: users.name,
    })
    .from(responses)
    .leftJoin(users, eq(users.id, responses.respondentId))
    .where(
      and(
        eq(responses.campaignId, campaign.id),
        eq(responses.unitId, unitId),
        inArray(
          responses.sourceKey,
          sources.map((source) => source.key),
        ),
      ),
    )
    .orderBy(asc(responses.id))
  const forms = new Map<number, Promise<FormJson>>()
  const formOf = (id: number) => {
    let form = forms.get(id)
    if (!form) {
      form = loadFormVersionJson(db, id)
      forms.set(id, form)
    }
    return form
  }
  return Promise.all(
    rows.map(async (row) => {
      const anonymous = sources.find((source) => source.key === row.sourceKey)?.anonymous ?? false
      const items = reasonedAnswers(await formOf(row.formVersionId), row.answers as Answers)
      return {
        id: row.id,
        respondent: anonymous ? null : row.respondent,
        createdAt: row.createdAt.toISOString(),
        percent: row.percent,
        veto: row.veto,
        items: items.map(({ question, title, deducted, veto, reason }) => ({
          question,
          title: {
            'zh-CN': localizedText(title, 'zh-cn', question),
            en: localizedText(title, 'en', question),
          },
          deducted,
          veto,
          reason,
        })),
      }
    }),
  )
}
