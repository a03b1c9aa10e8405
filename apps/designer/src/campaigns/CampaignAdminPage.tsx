import { useState } from 'react'
import type { CampaignDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { LinksTable } from './LinksTable'
import { NextPeriodDialog } from './NextPeriodDialog'
import { TokensPanel } from './TokensPanel'
import './campaigns.css'
import './office.css'
import { SourceNames } from './SourceNames'
import { sourceName } from './source-name'

/**
 * A campaign's administration: its window and status with open / close, its rules (and whether
 * respondents see their score), the respondent links (copy a URL or an embed snippet per
 * branch) and one-time tokens; and 开始下一期, the next period of the series as a new draft.
 */
export function CampaignAdminPage({ campaignId }: { campaignId: number }) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = `/api/campaigns/${campaignId}`
  const campaign = useResource(path, (signal) => api<CampaignDetail>(path, { signal }))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [nextOpen, setNextOpen] = useState(false)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  const move = async (action: 'open' | 'close') => {
    setBusy(true)
    setError(null)
    try {
      await api(`${path}/${action}`, { method: 'POST' })
      campaign.reload()
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  const c = campaign.data
  return (
    <main className="page campaign-admin">
      <Link to="/campaigns">← {t('results.back')}</Link>
      {campaign.error && (
        <p role="alert" className="error">
          {errorText(campaign.error)}
        </p>
      )}
      {c && (
        <>
          <div className="page-head">
            <h1>{t('campaignAdmin.title', { name: c.name })}</h1>
            <span className={`status status-${c.status}`} data-status={c.status}>
              {t(`status.${c.status}`)}
            </span>
            <span className="spacer" />
            {c.status === 'draft' && (
              <button
                type="button"
                className="primary"
                disabled={busy}
                onClick={() => move('open')}
              >
                {t('campaignAdmin.open')}
              </button>
            )}
            {c.status === 'open' && (
              <button type="button" disabled={busy} onClick={() => move('close')}>
                {t('campaignAdmin.close')}
              </button>
            )}
            {c.status === 'closed' && (
              <button type="button" disabled={busy} onClick={() => move('open')}>
                {t('campaignAdmin.reopen')}
              </button>
            )}
            <Link to={`/campaigns/${c.id}`} className="button">
              {t('campaignAdmin.results')}
            </Link>
            <Link to={`/campaigns/${c.id}/participation`} className="button">
              {t('office.participation')}
            </Link>
            <Link to={`/campaigns/${c.id}/settings`} className="button">
              {t('office.settings')}
            </Link>
            <button type="button" onClick={() => setNextOpen(true)}>
              {t('period.next')}
            </button>
          </div>
          {nextOpen && <NextPeriodDialog campaign={c} onClose={() => setNextOpen(false)} />}
          {error !== null && (
            <p role="alert" className="error">
              {errorText(error)}
            </p>
          )}
          <section className="card campaign-facts">
            <p>
              {t(`cadence.${c.cadence}`)} ·{' '}
              {t('campaignAdmin.window', {
                opens: date.format(new Date(c.opensAt)),
                closes: date.format(new Date(c.closesAt)),
              })}{' '}
              · {t('campaigns.col.units')} {c.unitCount} ·{' '}
              <span className={c.accepting ? 'ok' : 'muted'}>
                {c.accepting ? t('campaignAdmin.accepting') : t('campaignAdmin.notAccepting')}
              </span>
            </p>
            <h2>{t('campaignAdmin.rules')}</h2>
            <ul className="rules">
              {c.sources.map((s) => (
                <li key={s.key}>
                  {t('campaignAdmin.sourceRule', {
                    source: sourceName(t, s, locale),
                    weight: s.weight,
                  })}
                  {s.required && ` · ${t('unitDetail.required')}`}
                  {s.minResponses !== null && ` · ${t('unitDetail.min', { n: s.minResponses })}`}
                  {s.measure && ` · ${t(`campaignNew.measure.${s.measure}`)}`}
                </li>
              ))}
              <li>
                {c.bands
                  .map((b) => `${b.grade} ≥ ${b.min}${b.stars ? ` ${'★'.repeat(b.stars)}` : ''}`)
                  .join('；')}
                {c.quota &&
                  ` · ${t('campaignNew.quota')}：${c.quota.grade} ≤ ${Math.round(c.quota.maxShare * 1000) / 10}%`}
              </li>
              <li data-show-score={c.showScore}>
                {c.showScore ? t('campaignAdmin.showsScore') : t('campaignAdmin.hidesScore')}
              </li>
              <li data-origins={c.allowedOrigins.length}>
                {c.allowedOrigins.length > 0
                  ? t('office.originsList', { origins: c.allowedOrigins.join('、') })
                  : t('office.noOrigins')}
              </li>
              {c.timeLimitMinutes !== null && (
                <li>{t('office.timeLimitRule', { n: c.timeLimitMinutes })}</li>
              )}
            </ul>
          </section>
          <SourceNames sources={c.sources}>
            <LinksTable campaignId={c.id} sources={c.sources} />
            <TokensPanel campaign={c} />
          </SourceNames>
        </>
      )}
    </main>
  )
}
