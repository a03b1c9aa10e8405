import { type Db, type SourceKey, schema } from '@yardstick/db'
import type { FormJson } from '@yardstick/sdk'
import { inArray } from 'drizzle-orm'
import { sourceVersionIds } from '../campaigns/unit-form'
import type { ResultsCampaign } from './campaign'

/** One form version a source's responses may answer, with its JSON. */
export interface SourceVersion {
  formVersionId: number
  form: FormJson
}

/**
 * Every form version each source of a campaign names — its default, then its branch types' own
 * instruments (分类制定, `sourceVersionIds`) — with their JSON, in one query. Dimension titles and
 * the questions 共性问题 counts come from these forms.
 *
 * @example
 * const versions = await loadSourceVersions(db, campaign)
 * versions.get('self')?.[0]?.form.dimensions // the 四强
 */
export async function loadSourceVersions(
  db: Db,
  campaign: Pick<ResultsCampaign, 'sources'>,
): Promise<Map<SourceKey, SourceVersion[]>> {
  const idsBySource = campaign.sources.map(
    (source) => [source.key, sourceVersionIds(source)] as const,
  )
  const ids = [...new Set(idsBySource.flatMap(([, versionIds]) => versionIds))]
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: schema.formVersions.id, json: schema.formVersions.json })
          .from(schema.formVersions)
          .where(inArray(schema.formVersions.id, ids))
  const forms = new Map(rows.map((row) => [row.id, row.json as FormJson]))
  return new Map(
    idsBySource.map(([key, versionIds]) => [
      key,
      versionIds.flatMap((formVersionId) => {
        const form = forms.get(formVersionId)
        return form ? [{ formVersionId, form }] : []
      }),
    ]),
  )
}
