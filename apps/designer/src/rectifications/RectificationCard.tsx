import type { ReactNode } from 'react'
import type { Rectification } from '../api/branch'
import { useI18n } from '../i18n/I18nProvider'
import { Link } from '../router'

/**
 * One rectification as both screens show it: the problem and where it comes from (自检问题 /
 * 考评扣分 / 转化工程), its branch and campaign, measure,
 * owner, deadline, status (overdue marked), the branch's progress and evidence, and the office's
 * decision — the reason when it was returned. `children` adds the screen's actions.
 */
export function RectificationCard({
  item,
  showUnit = true,
  titleTo,
  children,
}: {
  item: Rectification
  /** Name the branch beside the campaign (the office's list); a branch's own home need not. */
  showUnit?: boolean
  /** Make the title a link (the branch's home opens the update screen). */
  titleTo?: string
  children?: ReactNode
}) {
  const { t, locale } = useI18n()
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
  const title = <strong className="rect-title">{item.title}</strong>
  return (
    <article
      className="rect-card"
      data-id={item.id}
      data-status={item.status}
      data-overdue={item.overdue}
    >
      <header className="rect-card-head">
        {titleTo ? <Link to={titleTo}>{title}</Link> : title}
        <span className="rect-badges">
          <span className="badge rect-origin" data-origin={item.origin}>
            {t(`origin.${item.origin}`)}
          </span>
          <span className={`status rect-${item.status}`}>{t(`rectStatus.${item.status}`)}</span>
          {item.overdue && <span className="badge overdue">{t('rect.overdue')}</span>}
        </span>
      </header>
      <p className="muted rect-where">
        {showUnit && `${item.unitName} · `}
        {item.campaignName}
      </p>
      {item.note && <p className="rect-note">{item.note}</p>}
      <dl className="rect-facts">
        <div>
          <dt>{t('rect.measure')}</dt>
          <dd>{item.measure ?? t('rect.none')}</dd>
        </div>
        <div>
          <dt>{t('rect.owner')}</dt>
          <dd>{item.owner ?? t('rect.none')}</dd>
        </div>
        <div>
          <dt>{t('rect.deadline')}</dt>
          <dd>{item.deadline ?? t('rect.none')}</dd>
        </div>
        {item.progress && (
          <div className="wide">
            <dt>{t('rect.progress')}</dt>
            <dd>{item.progress}</dd>
          </div>
        )}
        {item.evidence && (
          <div className="wide">
            <dt>{t('rect.evidence')}</dt>
            <dd>{item.evidence}</dd>
          </div>
        )}
      </dl>
      {item.status === 'returned' && item.reviewNote && (
        <p className="rect-returned" role="note">
          {t('rect.returnedBy', { name: item.reviewer?.name ?? '' })}{' '}
          <span className="rect-reason">{item.reviewNote}</span>
        </p>
      )}
      {item.status === 'accepted' && item.reviewedAt && (
        <p className="muted">
          {t('rect.acceptedBy', { name: item.reviewer?.name ?? '', date: day(item.reviewedAt) })}
          {item.reviewNote && ` · ${item.reviewNote}`}
        </p>
      )}
      {children}
    </article>
  )
}
