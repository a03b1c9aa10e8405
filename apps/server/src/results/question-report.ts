import { type Db, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { sourceVersionIds } from '../campaigns/unit-form'
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
 * `MIN_ANONYMOUS_GROUP` responses (`withheldBelow`). A source with an instrument per branch type
 * is reported one instrument at a time (`formVersion`, default the source's default): only the
 * responses answered on it count, and `instruments` lists them all to choose from.
 *
 * @param which the source, and which of its instruments (a form version id it names)
 * @example
 * const report = await questionReport(db, context, { source: 'members' }, {})
 * report.questions[0] // { name: 'theoryStudy', answered: 412, counts: { satisfied: 300, … }, … }
 */
export async function questionReport(
  db: Db,
  { campaign, units, access }: ResultsContext,
  { source: sourceKey, formVersion }: { source: string; formVersion?: number },
  filter: ResultsFilter,
) {
  const source = campaign.sources.find((s) => s.key === sourceKey)
  if (!source) throw new AppError('notFound', `Campaign ${campaign.id} has no source ${sourceKey}`)
  const versions = sourceVersionIds(source)
  const formVersionId = formVersion ?? source.formVersionId
  if (!versions.includes(formVersionId)) {
    throw new AppError(
      'notFound',
      `Source ${sourceKey} of campaign ${campaign.id} is not answered on form version ${formVersionId}`,
      { formVersions: versions },
    )
  }
  const form = await loadFormVersionJson(db, formVersionId)
  const { questions } = countedQuestions(form)
  const scope = unitScope(units, (unit) => access.shows(unit) && inFilter(unit, filter))
  // With one instrument every response is on it: no filter, the query as it always was.
  const onVersion = versions.length > 1 ? formVersionId : undefined
  const query = {
    campaignId: campaign.id,
    sourceKey,
    scope,
    names: questions.map((q) => q.name),
    formVersionId: onVersion,
  }
  const empty = scope !== 'all' && scope.length === 0
  const [groups, responses] = empty
    ? [[], 0]
    : await Promise.all([
        loadAnswerGroups(db, query),
        countResponses(db, campaign.id, sourceKey, scope, onVersion),
      ])
  const instruments = versions.map((id) => ({
    formVersion: id,
    title: campaign.instruments.get(id)?.title ?? '',
  }))
  const head = { source: source.key, formVersionId, instruments, responses }
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
