import { useId, useMemo, useState } from 'react'
import type { CampaignDetail, CampaignLink, CampaignSource } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { allLinks, linkUrl, linkUse } from './links'
import { QrCode } from './QrCode'
import { inSheets, SLIPS_PER_SHEET } from './sheets'
import './campaigns.css'
import './sheets.css'
import { SourceNames, useSourceName } from './SourceNames'
import { sourceName } from './source-name'

/**
 * A campaign's respondent links as cards to print and cut apart, one per branch, each with the
 * branch, the source, a QR code of the URL and the URL: A4 pages of fifteen. One source at a time
 * (the self-check has no link to hand out: it goes through its workflow); a search narrows it.
 */
export function LinkSheetPage({ campaignId }: { campaignId: number }) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const path = `/api/campaigns/${campaignId}`
  const campaign = useResource(path, (signal) => api<CampaignDetail>(path, { signal }))
  // The sources whose links are handed out (`linkUse`): members', not signed-in raters'.
  const offered = (campaign.data?.sources ?? []).filter((s) => linkUse(s.answeredBy) === 'public')
  const [chosen, setChosen] = useState<CampaignSource['key'] | null>(null)
  const source = chosen ?? offered[0]?.key ?? null
  const [search, setSearch] = useState('')
  const links = useResource(`link-sheet:${campaignId}:${source}`, (signal) =>
    source === null ? Promise.resolve([]) : allLinks(api, campaignId, { source, signal }),
  )
  const shown = useMemo(() => {
    const needle = search.trim()
    const items = links.data ?? []
    return needle ? items.filter((link) => link.unitName.includes(needle)) : items
  }, [links.data, search])
  const anonymous = offered.find((s) => s.key === source)?.anonymous ?? false
  const error = campaign.error ?? links.error

  return (
    <main className="page link-sheet-page">
      <Link to={`/campaigns/${campaignId}/admin`}>← {t('office.backToAdmin')}</Link>
      <h1>{t('office.linkSheetTitle', { name: campaign.data?.name ?? '' })}</h1>
      <p className="hint">{t('office.linkSheetHint')}</p>
      {error && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('office.linkSheetSource')}</label>
          <select
            id={`${id}-source`}
            value={source ?? ''}
            onChange={(e) => setChosen(e.target.value as CampaignSource['key'])}
          >
            {offered.map((s) => (
              <option key={s.key} value={s.key}>
                {sourceName(t, s, locale)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('campaignAdmin.searchLinks')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="primary"
          disabled={shown.length === 0}
          onClick={() => window.print()}
        >
          {t('office.printLinks')}
        </button>
      </div>
      <p className="muted" role="status">
        {links.loading ? t('app.loading') : t('office.linkCards', { n: shown.length })}
      </p>
      {offered.length === 0 && campaign.data && <p>{t('office.noLinksToPrint')}</p>}
      <div className="link-sheet print-sheet">
        <SourceNames sources={campaign.data?.sources ?? []}>
          {inSheets(shown, SLIPS_PER_SHEET.links).map((sheet, page) => (
            <div className="sheet-page" key={page}>
              {sheet.map((link) => (
                <LinkCard key={link.slug} link={link} anonymous={anonymous} />
              ))}
            </div>
          ))}
        </SourceNames>
      </div>
    </main>
  )
}

function LinkCard({ link, anonymous }: { link: CampaignLink; anonymous: boolean }) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const url = linkUrl(location.origin, link.path)
  return (
    <div className="link-card" data-unit={link.unitName}>
      <div className="link-card-text">
        <div className="link-card-unit">{link.unitName}</div>
        <div>{nameOf(link.source)}</div>
        <div className="slip-note">
          {anonymous ? t('office.cardNeedsToken') : t('office.cardOpen')}
        </div>
      </div>
      <QrCode text={url} label={t('office.qrOf', { unit: link.unitName })} />
      <div className="link-card-url mono">{url}</div>
    </div>
  )
}
