import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { AppError } from '../http/errors'
import { unitScope } from './access'
import type { ResultsContext } from './context'
import { countResponses, loadAnswerGroups } from './question-sql'
import { countedQuestions, questionStats } from './question-stats'
import { inFilter, type ResultsFilter } from './view'

/**
 * Fewest responses of an anonymous source whose per-question figures a branch's own reader (a
 * secretary who sees only their branch) is shown: below it, counts would tell a member's answers
 * to whoever knows who answered. Stated in the README's anonymity section.
 */
export const MIN_ANONYMOUS_GROUP = 5

/**
 * The per-question report of one source of a campaign over the units the reader may see that
 * match the filter: counts and shares per choice, means, satisfaction rates, pooled satisfaction.
 * Answers are aggregated in SQL; the form version's questions and choices come from the SDK's
 * compiled plan. An anonymous source's figures are withheld from a branch's own reader below
 * `MIN_ANONYMOUS_GROUP` responses (`withheldBelow`).
 *
 * @example
 * const report = await questionReport(db, context, 'members', {})
 * report.questions[0] // { name: 'theoryStudy', answered: 412, counts: { satisfied: 300, … }, … }
 */
export async function questionReport(
  db: Db,
  { campaign, units, access }: ResultsContext,
  sourceKey: string,
  filter: ResultsFilter,
) {
  const source = campaign.sources.find((s) => s.key === sourceKey)
  if (!source) throw new AppError('notFound', `Campaign ${campaign.id} has no source ${sourceKey}`)
  const form = await loadFormVersionJson(db, source.formVersionId)
  const { questions, categorical } = countedQuestions(form)
  const scope = unitScope(units, (unit) => access.shows(unit) && inFilter(unit, filter))
  const query = {
    campaignId: campaign.id,
    sourceKey,
    scope,
    names: questions.map((q) => q.name),
    categorical,
  }
  const empty = scope !== 'all' && scope.length === 0
  const [groups, responses] = empty
    ? [[], 0]
    : await Promise.all([
        loadAnswerGroups(db, query),
        countResponses(db, campaign.id, sourceKey, scope),
      ])
  const head = { source: source.key, formVersionId: source.formVersionId, responses }
  if (access.secretaryOnly && source.anonymous && responses < MIN_ANONYMOUS_GROUP) {
    return { ...head, overall: null, questions: [], withheldBelow: MIN_ANONYMOUS_GROUP }
  }
  return { ...head, ...questionStats(form, groups), withheldBelow: null }
}

/**
 * The JSON of a published form version (404 when there is none).
 *
 * @example
 * const form = await loadFormVersionJson(db, source.formVersionId)
 */
export async function loadFormVersionJson(db: Db, formVersionId: number): Promise<FormJson> {
  const [version] = await db
    .select({ json: schema.formVersions.json })
    .from(schema.formVersions)
    .where(eq(schema.formVersions.id, formVersionId))
  if (!version) throw new AppError('notFound', `No form version ${formVersionId}`)
  return version.json
}
