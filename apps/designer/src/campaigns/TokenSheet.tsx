import { useI18n } from '../i18n/I18nProvider'
import { tokenUrl } from './links'

/**
 * Slips to cut apart, one per token: the campaign, the branch, the token and its link. On paper
 * (`@media print` in campaigns.css) only this sheet prints, two slips a row, none split.
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
    <div className="token-sheet">
      {tokens.map((token) => (
        <div className="slip" key={token}>
          <div className="slip-title">{t('tokens.slipTitle', { campaign })}</div>
          <div>{t('tokens.slipUnit', { unit })}</div>
          <div>
            {t('tokens.slipToken')}
            <b className="slip-token mono">{token}</b>
          </div>
          <div className="slip-link mono">{tokenUrl(location.origin, slug, token)}</div>
          <div className="slip-note">{t('tokens.slipNote')}</div>
        </div>
      ))}
    </div>
  )
}
