import { createContext, type ReactNode, useContext } from 'react'
import { useI18n } from '../i18n/I18nProvider'
import { type NamedSource, sourceName } from './source-name'

type LabelledSource = Exclude<NamedSource, string>

const CampaignSources = createContext<readonly LabelledSource[]>([])

/**
 * Gives the pages under it the campaign's sources, so that a source known there only by its
 * key (a results row, a participation cell, a link) is named by the label the campaign gave it.
 *
 * @example
 * <SourceNames sources={campaign.data?.sources ?? []}><RankingTable … /></SourceNames>
 */
export function SourceNames({
  sources,
  children,
}: {
  sources: readonly LabelledSource[]
  children: ReactNode
}) {
  return <CampaignSources.Provider value={sources}>{children}</CampaignSources.Provider>
}

/**
 * `sourceName` for a key, in the reader's language, with the labels of the campaign around
 * (`SourceNames`), or of `sources` for the page that provides them; else the usual name or the key.
 *
 * @example
 * const nameOf = useSourceName()
 * nameOf('clients') // '服务对象评议'
 */
export function useSourceName(sources?: readonly LabelledSource[]): (key: string) => string {
  const { t, locale } = useI18n()
  const around = useContext(CampaignSources)
  const known = sources ?? around
  return (key) => sourceName(t, known.find((source) => source.key === key) ?? key, locale)
}
