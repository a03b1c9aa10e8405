import { useId, useMemo, useState } from 'react'
import type { CampaignLink, CampaignSource, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { LinkRow } from './LinkRow'

const PAGE = 100

/**
 * The campaign's respondent links, one per branch and source, each with what works for it
 * (`LinkRow`, by who answers its source): its URL to copy, a QR code, an embed snippet for a portal. Pages of 100; a search
 * narrows the loaded ones; the QR sheet prints them all.
 */
export function LinksTable({
  campaignId,
  sources,
}: {
  campaignId: number
  sources: readonly CampaignSource[]
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [pages, setPages] = useState(1)
  const [search, setSearch] = useState('')
  const path = `/api/campaigns/${campaignId}/links`
  const links = useResource(`${path}:${pages}`, async (signal) => {
    const all: CampaignLink[] = []
    let total = 0
    for (let page = 0; page < pages; page++) {
      const body = await api<Page<CampaignLink>>(`${path}?limit=${PAGE}&offset=${page * PAGE}`, {
        signal,
      })
      all.push(...body.items)
      total = body.total
      if (body.nextOffset === null) break
    }
    return { items: all, total }
  })
  const shown = useMemo(() => {
    const needle = search.trim()
    const items = links.data?.items ?? []
    return needle ? items.filter((l) => l.unitName.includes(needle)) : items
  }, [links.data, search])
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="page-head">
        <h2 id={`${id}-h`}>{t('campaignAdmin.links')}</h2>
        <span className="muted">
          {links.data && t('campaignAdmin.linksTotal', { n: links.data.total })}
        </span>
        <span className="spacer" />
        <Link to={`/campaigns/${campaignId}/links/print`} className="button">
          {t('office.printLinkSheet')}
        </Link>
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t('campaignAdmin.searchLinks')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('campaignAdmin.searchLinks')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {links.error && (
        <p role="alert" className="error">
          {errorText(links.error)}
        </p>
      )}
      <div className="links-scroll">
        <table className="data-table compact links-table" aria-labelledby={`${id}-h`}>
          <thead>
            <tr>
              <th scope="col">{t('campaignAdmin.col.unit')}</th>
              <th scope="col">{t('campaignAdmin.col.source')}</th>
              <th scope="col">{t('campaignAdmin.col.link')}</th>
              <th scope="col">{t('forms.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((link) => (
              <LinkRow
                key={link.slug}
                link={link}
                campaignId={campaignId}
                answeredBy={
                  sources.find((source) => source.key === link.source)?.answeredBy ?? 'members'
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      {links.data && links.data.items.length < links.data.total && (
        <button type="button" onClick={() => setPages((p) => p + 1)} disabled={links.loading}>
          {t('campaignAdmin.moreLinks')}
        </button>
      )}
    </section>
  )
}
