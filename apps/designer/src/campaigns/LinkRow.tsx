import type { SourceRespondent } from '@yardstick/sdk/domain'
import type { CampaignLink } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'
import { CopyButton } from './CopyButton'
import { embedSnippet, linkUrl, linkUse } from './links'
import { QrCode } from './QrCode'
import { useSourceName } from './SourceNames'

/**
 * One respondent link with only what works for it, by who answers its source (`linkUse`): a
 * self-check has no link to hand out (it is filled in its workflow, so the row points there);
 * a members' survey — a default or the office's own — has its URL, a QR code and an embed snippet
 * (an anonymous one says where each respondent's token goes); assessors and a panel rate signed
 * in from their 考评任务, so the row hands out nothing.
 */
export function LinkRow({
  link,
  campaignId,
  answeredBy,
}: {
  link: CampaignLink
  campaignId: number
  answeredBy: SourceRespondent
}) {
  const { t, locale } = useI18n()
  const nameOf = useSourceName()
  const url = linkUrl(location.origin, link.path)
  const use = linkUse(answeredBy)
  return (
    <tr data-unit={link.unitName} data-source={link.source} data-link-use={use}>
      <td>{link.unitName}</td>
      <td>{nameOf(link.source)}</td>
      <td className={use === 'public' ? 'mono link-url' : 'muted'}>
        {use === 'workflow' && t('office.selfViaWorkflow')}
        {use === 'signedIn' && t('office.signedInRaters')}
        {use === 'public' && url}
      </td>
      <td className="actions">
        {use === 'workflow' && (
          <Link to={`/campaigns/${campaignId}/units/${link.unitId}`} className="button">
            {t('office.openSelfCheck')}
          </Link>
        )}
        {use === 'public' && (
          <>
            <CopyButton text={url} label={t('campaignAdmin.copyLink')} />
            <CopyButton
              text={embedSnippet(location.origin, link.slug, {
                locale: locale === 'en' ? 'en' : 'zh-cn',
                ...(link.anonymous ? { tokenHint: t('office.embedTokenHint') } : {}),
              })}
              label={t('campaignAdmin.copyEmbed')}
            />
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
