import { useId, useState } from 'react'
import type { CampaignSource } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { useSourceName } from './SourceNames'

/**
 * The raw responses of one source, one row per response (`GET /api/campaigns/:id/responses.csv`
 * and `.xlsx`, the same filters as the results): a source picker and the two downloads. Shown
 * only to readers the server lets export them (`canExportResponses`: office roles).
 */
export function ResponsesExport({
  campaignId,
  sources,
  filterQuery,
}: {
  campaignId: number
  sources: readonly CampaignSource['key'][]
  /** The results' filters as a query string (`?subtree=4`), or ''. */
  filterQuery: string
}) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const id = useId()
  const [picked, setPicked] = useState<CampaignSource['key'] | ''>('')
  const source = picked || (sources.includes('members') ? 'members' : sources[0])
  if (!source) return null
  const params = new URLSearchParams(filterQuery)
  params.set('source', source)
  const href = (format: 'csv' | 'xlsx') =>
    `/api/campaigns/${campaignId}/responses.${format}?${params.toString()}`
  return (
    <fieldset className="responses-export">
      <legend className="visually-hidden">{t('results.responses')}</legend>
      <label htmlFor={`${id}-source`} className="visually-hidden">
        {t('results.responsesSource')}
      </label>
      <select
        id={`${id}-source`}
        value={source}
        onChange={(e) => setPicked(e.target.value as CampaignSource['key'])}
      >
        {sources.map((key) => (
          <option key={key} value={key}>
            {nameOf(key)}
          </option>
        ))}
      </select>
      <a className="button" href={href('csv')} download>
        {t('results.exportResponsesCsv')}
      </a>
      <a className="button" href={href('xlsx')} download>
        {t('results.exportResponsesXlsx')}
      </a>
    </fieldset>
  )
}
