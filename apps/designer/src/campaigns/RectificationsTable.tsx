import type { Rectification } from '../api/types'
import { useI18n } from '../i18n/I18nProvider'

/**
 * A branch's rectifications: origin (自检问题 / 考评扣分 / 转化工程), problem, description, measure,
 * owner, deadline, status, overdue.
 */
export function RectificationsTable({ items }: { items: Rectification[] }) {
  const { t } = useI18n()
  if (items.length === 0) return <p className="muted">{t('unitDetail.noRectifications')}</p>
  return (
    <table className="data-table compact rectifications">
      <thead>
        <tr>
          <th scope="col">{t('unitDetail.col.origin')}</th>
          <th scope="col">{t('unitDetail.col.problem')}</th>
          <th scope="col">{t('unitDetail.col.note')}</th>
          <th scope="col">{t('unitDetail.col.measure')}</th>
          <th scope="col">{t('unitDetail.col.owner')}</th>
          <th scope="col">{t('unitDetail.col.deadline')}</th>
          <th scope="col">{t('unitDetail.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-status={r.status} data-overdue={r.overdue} data-origin={r.origin}>
            <td>{t(`origin.${r.origin}`)}</td>
            <td>{r.title}</td>
            <td>{r.note ?? '—'}</td>
            <td>{r.measure ?? '—'}</td>
            <td>{r.owner ?? '—'}</td>
            <td>{r.deadline ?? '—'}</td>
            <td>
              <span className={`status rect-${r.status}`}>{t(`rectStatus.${r.status}`)}</span>
              {r.overdue && <span className="badge overdue">{t('unitDetail.overdue')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
