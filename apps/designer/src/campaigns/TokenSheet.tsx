import { useI18n } from '../i18n/I18nProvider'
import { tokenUrl } from './links'
import { QrCode } from './QrCode'
import { inSheets, SLIPS_PER_SHEET } from './sheets'
import './sheets.css'

/**
 * Slips to cut apart, one per token: the campaign, the branch, the token, a QR code of its
 * respondent URL and the URL itself. On paper (`sheets.css`) only this sheet prints: A4 pages of
 * eight slips, two across, bounded by dashed cut lines, none split.
 */
export function TokenSheet({
  campaign,
  unit,
  slug,
  tokens,
}: {
  campaign: string
  unit: string
  slug: string
  tokens: readonly string[]
}) {
  const { t } = useI18n()
  return (
    <div className="token-sheet print-sheet">
      {inSheets(tokens, SLIPS_PER_SHEET.tokens).map((sheet, page) => (
        // One A4 page per group; its index is its identity (tokens never move between pages).
        <div className="sheet-page" key={page}>
          {sheet.map((token) => {
            const url = tokenUrl(location.origin, slug, token)
            return (
              <div className="slip" key={token}>
                <div className="slip-text">
                  <div className="slip-title">{t('tokens.slipTitle', { campaign })}</div>
                  <div>{t('tokens.slipUnit', { unit })}</div>
                  <div>
                    {t('tokens.slipToken')}
                    <b className="slip-token mono">{token}</b>
                  </div>
                  <div className="slip-link mono">{url}</div>
                  <div className="slip-note">{t('office.slipScan')}</div>
                  <div className="slip-note">{t('tokens.slipNote')}</div>
                </div>
                <QrCode text={url} label={t('office.qrOf', { unit })} />
              </div>
            )
          })}
        </div>
      ))}
    </div>
  )
}
