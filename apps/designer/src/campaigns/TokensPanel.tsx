import { type FormEvent, useId, useState } from 'react'
import type { CampaignDetail, CampaignLink, IssuedTokens, Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { downloadText, linkUse, tokensCsv } from './links'
import { useSourceName } from './SourceNames'
import { TokenSheet } from './TokenSheet'

/**
 * Issues one-time tokens for a branch's survey answered by members (`POST /api/campaigns/:id/tokens`)
 * — `members` or a source of the office's own answered so (`linkUse` public), chosen when there
 * are several; none for signed-in raters. They are shown once, so the one answer is offered as
 * JSON, CSV and a printable sheet of slips.
 */
export function TokensPanel({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useI18n()
  const nameOf = useSourceName()
  const { id: campaignId, name: campaignName } = campaign
  const offered = campaign.sources.filter((s) => linkUse(s.answeredBy) === 'public')
  const [picked, setPicked] = useState('')
  const source = picked || offered[0]?.key || ''
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [unitId, setUnitId] = useState('')
  const [count, setCount] = useState('30')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [issued, setIssued] = useState<(IssuedTokens & { unitName: string }) | null>(null)
  const units = useResource(`member-links:${campaignId}:${source}`, async (signal) => {
    const all: CampaignLink[] = []
    if (!source) return all
    for (let offset: number | null = 0; offset !== null; ) {
      const path = `/api/campaigns/${campaignId}/links?source=${source}&limit=100&offset=${offset}`
      const page: Page<CampaignLink> = await api<Page<CampaignLink>>(path, { signal })
      all.push(...page.items)
      offset = page.nextOffset
    }
    return all
  })
  const chosen = unitId || String(units.data?.[0]?.unitId ?? '')

  const issue = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const body = { unitId: Number(chosen), source, count: Number(count) }
      const result = await api<IssuedTokens>(`/api/campaigns/${campaignId}/tokens`, {
        method: 'POST',
        body,
      })
      const unitName = units.data?.find((l) => l.unitId === result.unitId)?.unitName ?? ''
      setIssued({ ...result, unitName })
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  if (offered.length === 0 || (offered.length === 1 && units.data?.length === 0)) return null
  const origin = location.origin
  const file = issued ? `tokens-${campaignId}-${issued.unitId}` : ''
  return (
    <section className="card tokens-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('campaignAdmin.tokens')}</h2>
      <p className="hint">{t('campaignAdmin.tokensHint')}</p>
      <form className="field-row" onSubmit={issue}>
        {offered.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-source`}>{t('campaignAdmin.tokenSource')}</label>
            <select
              id={`${id}-source`}
              value={source}
              onChange={(e) => {
                setPicked(e.target.value)
                setUnitId('')
                setIssued(null)
              }}
            >
              {offered.map((s) => (
                <option key={s.key} value={s.key}>
                  {nameOf(s.key)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field wide">
          <label htmlFor={`${id}-unit`}>{t('campaignAdmin.tokenUnit')}</label>
          <select id={`${id}-unit`} value={chosen} onChange={(e) => setUnitId(e.target.value)}>
            {units.data?.map((link) => (
              <option key={link.unitId} value={link.unitId}>
                {link.unitName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-count`}>{t('campaignAdmin.tokenCount')}</label>
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            max={1000}
            value={count}
            onChange={(e) => setCount(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || !chosen}>
          {busy ? t('campaignAdmin.issuing') : t('campaignAdmin.issue')}
        </button>
      </form>
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
      {issued && (
        <>
          <p className="ok" role="status">
            {t('campaignAdmin.issued', { n: issued.tokens.length, unit: issued.unitName })}
          </p>
          <div className="toolbar">
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${file}.json`,
                  JSON.stringify(issued, null, 2),
                  'application/json;charset=utf-8',
                )
              }
            >
              {t('campaignAdmin.downloadJson')}
            </button>
            <button
              type="button"
              onClick={() =>
                downloadText(
                  `${file}.csv`,
                  tokensCsv(origin, issued.slug, issued.tokens),
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('campaignAdmin.downloadCsv')}
            </button>
            <button type="button" onClick={() => window.print()}>
              {t('campaignAdmin.print')}
            </button>
          </div>
          <TokenSheet
            campaign={campaignName}
            unit={issued.unitName}
            slug={issued.slug}
            tokens={issued.tokens}
          />
        </>
      )}
    </section>
  )
}
