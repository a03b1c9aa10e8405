import type { CampaignLink } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { CopyButton } from './CopyButton'
import { embeddable, embedSnippet, linkUrl } from './links'
import { QrCode } from './QrCode'
import { sourceName } from './source-name'

/**
 * One respondent link with only what works for it: a self-check has no link to hand out (it is
 * filled in its workflow, so the row points there); a members' survey has its URL, a QR code and
 * an embed snippet (an anonymous one says where each respondent's token goes); a superior's
 * scorecard has its URL and QR code (the assessor signs in on this server, so no embedding).
 */
export function LinkRow({ link, campaignId }: { link: CampaignLink; campaignId: number }) {
  const { t, locale } = useI18n()
  const url = linkUrl(location.origin, link.path)
  const self = link.source === 'self'
  return (
    <tr data-unit={link.unitName} data-source={link.source}>
      <td>{link.unitName}</td>
      <td>{sourceName(t, link.source)}</td>
      <td className={self ? 'muted' : 'mono link-url'}>
        {self ? t('office.selfViaWorkflow') : url}
      </td>
      <td className="actions">
        {self ? (
          <Link to={`/campaigns/${campaignId}/units/${link.unitId}`} className="button">
            {t('office.openSelfCheck')}
          </Link>
        ) : (
          <>
            <CopyButton text={url} label={t('campaignAdmin.copyLink')} />
            {embeddable(link.source) && (
              <CopyButton
                text={embedSnippet(location.origin, link.slug, {
                  locale: locale === 'en' ? 'en' : 'zh-cn',
                  ...(link.anonymous ? { tokenHint: t('office.embedTokenHint') } : {}),
                })}
                label={t('campaignAdmin.copyEmbed')}
              />
            )}
            <details className="row-qr">
              <summary>{t('office.qr')}</summary>
              <QrCode text={url} label={t('office.qrOf', { unit: link.unitName })} />
            </details>
          </>
        )}
      </td>
    </tr>
  )
}
