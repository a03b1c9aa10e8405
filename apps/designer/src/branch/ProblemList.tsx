import type { Rectification, SelfCheck } from '../api/branch'
import type { Page } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useResource } from '../api/useResource'
import { useI18n } from '../i18n/I18nProvider'
import { rectificationPath } from '../rectifications/paths'
import { Link } from '../router'

const problemText = (details: Record<string, unknown> | undefined, key: string) =>
  typeof details?.[key] === 'string' ? (details[key] as string) : ''

/**
 * The problem list (问题清单) as the answers make it now, and, once submitted, the
 * rectifications (整改) the server created from it.
 */
export function ProblemList({ selfCheck }: { selfCheck: SelfCheck }) {
  const { t } = useI18n()
  return (
    <section className="problems">
      <h2>{t('branch.problems', { n: selfCheck.problems.length })}</h2>
      {selfCheck.problems.length === 0 ? (
        <p className="muted">{t('branch.noProblems')}</p>
      ) : (
        <ul className="problem-list">
          {selfCheck.problems.map((p) => (
            <li key={p.question} data-question={p.question}>
              <strong>{p.title}</strong>
              {problemText(p.details, 'description') && (
                <p>{problemText(p.details, 'description')}</p>
              )}
              <p className="muted">
                {[
                  problemText(p.details, 'measure') &&
                    t('branch.rect.measure', { text: problemText(p.details, 'measure') }),
                  problemText(p.details, 'owner') &&
                    t('branch.rect.owner', { text: problemText(p.details, 'owner') }),
                  problemText(p.details, 'deadline') &&
                    t('branch.rect.deadline', { text: problemText(p.details, 'deadline') }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {selfCheck.status === 'submitted' && <Rectifications selfCheck={selfCheck} />}
    </section>
  )
}

function Rectifications({ selfCheck }: { selfCheck: SelfCheck }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const path = `/api/campaigns/${selfCheck.campaignId}/rectifications?unitId=${selfCheck.unitId}&limit=100`
  const list = useResource(`${path}#${selfCheck.submittedAt}`, (signal) =>
    api<Page<Rectification>>(path, { signal }),
  )
  if (list.error) return <p className="error">{errorText(list.error)}</p>
  if (!list.data) return <p className="muted">{t('app.loading')}</p>
  return (
    <>
      <h2>{t('branch.rectifications', { n: list.data.total })}</h2>
      <ul className="rectification-list">
        {list.data.items.map((r) => (
          <li key={r.id} data-question={r.question}>
            <Link to={rectificationPath(r.id)}>
              <strong>{r.title}</strong>
            </Link>
            {r.note && <p>{r.note}</p>}
            <p className="muted">
              {[
                r.measure && t('branch.rect.measure', { text: r.measure }),
                r.owner && t('branch.rect.owner', { text: r.owner }),
                r.deadline && t('branch.rect.deadline', { text: r.deadline }),
                t('branch.rect.status', { text: t(`rectStatus.${r.status}`) }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </>
  )
}
