import './branch.css'
import '../rectifications/rectifications.css'
import type { RectificationList, SelfCheckToDo } from '../api/branch'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useSignedIn } from '../auth/SessionProvider'
import { useI18n } from '../i18n/I18nProvider'
import { rectificationPath } from '../rectifications/paths'
import { RectificationCard } from '../rectifications/RectificationCard'
import { Link } from '../router'
import { daysLeft } from './days-left'
import { branchUnits } from './units'

// What the branch still works on: everything not yet accepted (fixed ones wait for the office).
const OPEN_STATUSES = 'open,inProgress,returned,fixed'

/**
 * A branch's home (支部待办): the self-checks it has to do — only open campaigns with a
 * self-check that assess the branch, each with its status, deadline and a link that opens it —
 * then its rectifications not yet accepted, overdue first, each opening its update screen.
 */
export function BranchHomePage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const { user } = useSignedIn()
  const units = branchUnits(user)
  const toDo = useResource('/api/self-checks', (signal) =>
    api<{ items: SelfCheckToDo[] }>('/api/self-checks', { signal }),
  )
  const rectifications = useResource(`rectifications:${units.join(',')}`, async (signal) => {
    const pages = await Promise.all(
      units.map((unit) =>
        api<RectificationList>(
          `/api/rectifications?unitId=${unit}&status=${OPEN_STATUSES}&sort=urgency&limit=100`,
          { signal },
        ),
      ),
    )
    return pages.flatMap((page) => page.items)
  })
  const items = toDo.data?.items ?? []
  const severalUnits = units.length > 1
  return (
    <main className="page branch-page" data-home="branch">
      <h1>{t('branch.title')}</h1>
      <p className="muted">{t('branch.intro')}</p>
      {units.length === 0 && <p className="notice">{t('branch.noUnits')}</p>}
      <section aria-labelledby="branch-todo-h">
        <h2 id="branch-todo-h">{t('branch.toDo', { n: items.length })}</h2>
        {toDo.error && (
          <p role="alert" className="error">
            {errorText(toDo.error)}
          </p>
        )}
        {toDo.loading && !toDo.data && <p className="muted">{t('app.loading')}</p>}
        {toDo.data && items.length === 0 && <p className="muted">{t('branch.noCampaigns')}</p>}
        <ul className="branch-campaigns">
          {items.map((item) => (
            <ToDoItem key={`${item.campaignId}:${item.unitId}`} item={item} named={severalUnits} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="branch-rect-h">
        <h2 id="branch-rect-h">{t('branch.rectList', { n: rectifications.data?.length ?? 0 })}</h2>
        {rectifications.error && (
          <p role="alert" className="error">
            {errorText(rectifications.error)}
          </p>
        )}
        {rectifications.data?.length === 0 && (
          <p className="muted">{t('branch.noRectifications')}</p>
        )}
        <ul className="rect-cards">
          {rectifications.data?.map((r) => (
            <li key={r.id}>
              <RectificationCard
                item={r}
                showUnit={severalUnits}
                titleTo={rectificationPath(r.id)}
              />
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}

function ToDoItem({ item, named }: { item: SelfCheckToDo; named: boolean }) {
  const { t, locale } = useI18n()
  const day = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso))
  const left = daysLeft(item.closesAt)
  const timing = !item.accepting
    ? Date.parse(item.opensAt) > Date.now()
      ? t('branch.notOpenYet', { date: day(item.opensAt) })
      : t('branch.pastDeadline')
    : left === 0
      ? t('branch.dueToday')
      : t('branch.daysLeft', { n: left })
  const submitted = item.status === 'submitted'
  return (
    <li className="todo" data-status={item.status} data-campaign={item.campaignId}>
      <div className="todo-head">
        <strong>{item.campaignName}</strong>
        <span className={`status self-${item.status}`}>
          {item.started ? t(`branch.statusName.${item.status}`) : t('branch.notStarted')}
        </span>
      </div>
      {named && <p className="todo-unit">{item.unitName}</p>}
      <p className="muted">
        {t('branch.deadline', { date: day(item.closesAt) })}
        {!submitted && (
          <>
            {' · '}
            <span className={left <= 7 && item.accepting ? 'soon' : undefined}>{timing}</span>
          </>
        )}
      </p>
      {item.openRectifications > 0 && (
        <p className="muted">
          {t('branch.openRectifications', { n: item.openRectifications })}
          {item.overdueRectifications > 0 && (
            <>
              {' · '}
              <span className="badge overdue">
                {t('branch.overdueRectifications', { n: item.overdueRectifications })}
              </span>
            </>
          )}
        </p>
      )}
      <Link
        to={`/branch/campaigns/${item.campaignId}/units/${item.unitId}`}
        className={submitted ? undefined : 'button primary'}
      >
        {t('branch.open', { unit: item.unitName })}
      </Link>
    </li>
  )
}
