import { CADENCES } from '@yardstick/sdk/domain'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import { Link, navigate } from '../router'
import { BandsEditor } from './BandsEditor'
import { FieldIssue, type Issues, issueAt } from './FieldIssue'
import {
  type CampaignDraft,
  DEFAULT_SAMPLES,
  defaultDraft,
  ownSource,
  sourceLabelOfDraft,
  toRequest,
} from './new-campaign'
import { PolicyPreview } from './PolicyPreview'
import { keyedPath, previewPolicy, type SourceDraft, toPolicy } from './policy'
import { policyIssueText } from './policy-text'
import { ShowScoreField } from './ShowScoreField'
import { SourceFields } from './SourceFields'
import { SourceNames } from './SourceNames'
import { type ServerIssue, serverIssuesOf, serverIssueText } from './server-issues'
import { UnitPicker } from './UnitPicker'
import { usePublishedForms } from './useForms'
import { orgsOfKinds, useOrgs } from './useOrgs'
import './campaigns.css'

/**
 * Creates a campaign (`POST /api/campaigns`): name, cadence, window, the branches of an office
 * (all, or chosen by type and one by one: `UnitPicker`),
 * a published version per source and the rules, previewed live on sample branches with the SDK's
 * `evaluate`. The server's validation errors are shown next to their fields.
 */
export function NewCampaignPage() {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const [draft, setDraft] = useState<CampaignDraft>(() => defaultDraft(new Date()))
  const [samples, setSamples] = useState(DEFAULT_SAMPLES)
  // Kept as sent and worded at render, so switching the language rewords them.
  const [serverIssues, setServerIssues] = useState<Record<string, ServerIssue>>({})
  const [failure, setFailure] = useState<{ refused: unknown } | 'fixFirst' | null>(null)
  const [busy, setBusy] = useState(false)
  const forms = usePublishedForms()
  const orgs = useOrgs()
  const offices = useMemo(
    () => orgsOfKinds(orgs.data?.items ?? [], ['committee', 'subcommittee'], { activeOnly: true }),
    [orgs.data],
  )
  const subtree = draft.subtree ?? offices[0]?.node.id ?? null

  const enabled = draft.sources.filter((s) => s.enabled).map((s) => s.key)
  const policy = useMemo(() => toPolicy(draft), [draft])
  const preview = useMemo(() => previewPolicy(policy, samples), [policy, samples])
  const localIssue = preview.ok
    ? null
    : { code: preview.issue.code, path: keyedPath(preview.issue.path, enabled) }
  const issues: Issues = useMemo(() => {
    const server = Object.fromEntries(
      Object.entries(serverIssues).map(([path, issue]) => [path, serverIssueText(issue, t)]),
    )
    const local = localIssue ? { [localIssue.path]: policyIssueText(localIssue, t) } : {}
    return { ...server, ...local }
  }, [serverIssues, localIssue?.code, localIssue?.path, t])

  const change = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setFailure(null)
    // A field's server message goes once the field changes; the SDK's check is live anyway.
    setServerIssues((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) {
        for (const path of Object.keys(next)) if (path.split('.')[0] === key) delete next[path]
      }
      return next
    })
  }
  // Functional: the sources may each pick their form in the same render. By place, since the
  // office may retype an own source's key.
  const changeSource = (index: number, key: SourceDraft['key'], patch: Partial<SourceDraft>) => {
    setFailure(null)
    setDraft((d) => ({
      ...d,
      sources: d.sources.map((s, at) => (at === index ? { ...s, ...patch } : s)),
    }))
    setServerIssues((current) => {
      const next = { ...current }
      for (const path of Object.keys(next))
        if (path.startsWith(`sources.${key}.`)) delete next[path]
      return next
    })
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!preview.ok) {
      setFailure('fixFirst')
      return
    }
    setBusy(true)
    setFailure(null)
    setServerIssues({})
    try {
      const body = toRequest({ ...draft, subtree })
      const created = await api<{ id: number }>('/api/campaigns', { method: 'POST', body })
      navigate(`/campaigns/${created.id}/admin`)
    } catch (caught) {
      setFailure({ refused: caught })
      setServerIssues(serverIssuesOf(caught, enabled))
      setBusy(false)
    }
  }

  const at = (path: string) => issueAt(issues, path)
  return (
    <main className="page campaign-new">
      <Link to="/campaigns">← {t('results.back')}</Link>
      <h1>{t('campaignNew.title')}</h1>
      <form onSubmit={submit} noValidate className="campaign-form">
        <div className="campaign-form-main">
          <section className="card" aria-labelledby={`${id}-basics`}>
            <h2 id={`${id}-basics`}>{t('campaignNew.basics')}</h2>
            <div className="field-row">
              <div className="field wide">
                <label htmlFor={`${id}-name`}>{t('campaignNew.name')}</label>
                <input
                  id={`${id}-name`}
                  value={draft.name}
                  maxLength={200}
                  aria-invalid={at('name') !== undefined}
                  aria-describedby={`${id}-name-issue`}
                  onChange={(e) => change({ name: e.target.value })}
                />
                <FieldIssue id={`${id}-name-issue`} message={at('name')} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-cadence`}>{t('campaignNew.cadence')}</label>
                <select
                  id={`${id}-cadence`}
                  value={draft.cadence}
                  onChange={(e) => change({ cadence: e.target.value as CampaignDraft['cadence'] })}
                >
                  {CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {t(`cadence.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="field-row">
              <div className="field">
                <label htmlFor={`${id}-opens`}>{t('campaignNew.opensAt')}</label>
                <input
                  id={`${id}-opens`}
                  type="datetime-local"
                  value={draft.opensAt}
                  aria-invalid={at('opensAt') !== undefined}
                  aria-describedby={`${id}-opens-issue`}
                  onChange={(e) => change({ opensAt: e.target.value })}
                />
                <FieldIssue id={`${id}-opens-issue`} message={at('opensAt')} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-closes`}>{t('campaignNew.closesAt')}</label>
                <input
                  id={`${id}-closes`}
                  type="datetime-local"
                  value={draft.closesAt}
                  aria-invalid={at('closesAt') !== undefined}
                  aria-describedby={`${id}-closes-issue`}
                  onChange={(e) => change({ closesAt: e.target.value })}
                />
                <FieldIssue id={`${id}-closes-issue`} message={at('closesAt')} />
              </div>
              <div className="field wide">
                <label htmlFor={`${id}-units`}>{t('campaignNew.units')}</label>
                <select
                  id={`${id}-units`}
                  value={subtree ?? ''}
                  aria-invalid={at('units') !== undefined}
                  aria-describedby={`${id}-units-hint ${id}-units-issue`}
                  onChange={(e) =>
                    change({
                      subtree: e.target.value ? Number(e.target.value) : null,
                      unitIds: null,
                    })
                  }
                >
                  <option value="">{t('campaignNew.pickOrg')}</option>
                  {offices.map(({ node, depth }) => (
                    <option key={node.id} value={node.id}>
                      {'\u3000'.repeat(depth)}
                      {node.name}
                    </option>
                  ))}
                </select>
                <span id={`${id}-units-hint`} className="hint">
                  {t('campaignNew.unitsHint')}
                </span>
                <FieldIssue id={`${id}-units-issue`} message={at('units') ?? at('orgId')} />
              </div>
            </div>
            <UnitPicker
              office={offices.find(({ node }) => node.id === subtree)?.node ?? null}
              ids={draft.unitIds}
              onChange={(unitIds) => change({ unitIds })}
            />
            <div>
              <ShowScoreField
                id={id}
                checked={draft.showScore}
                onChange={(showScore) => change({ showScore })}
              />
            </div>
          </section>

          <section className="card" aria-labelledby={`${id}-sources`}>
            <h2 id={`${id}-sources`}>{t('campaignNew.sources')}</h2>
            {forms.error && (
              <p role="alert" className="error">
                {errorText(forms.error)}
              </p>
            )}
            {draft.sources.map((source, index) => (
              <SourceFields
                // By place: an own source's key is retyped in place.
                key={index}
                source={source}
                forms={forms.data ?? []}
                issues={issues}
                onChange={(patch) => changeSource(index, source.key, patch)}
                onRemove={
                  source.own
                    ? () => change({ sources: draft.sources.filter((_, at) => at !== index) })
                    : undefined
                }
              />
            ))}
            <button
              type="button"
              onClick={() => change({ sources: [...draft.sources, ownSource(draft.sources)] })}
            >
              {t('campaignNew.addSource')}
            </button>
            <FieldIssue id={`${id}-sources-issue`} message={issues.sources} />
          </section>

          <section className="card" aria-labelledby={`${id}-bands`}>
            <h2 id={`${id}-bands`}>{t('campaignNew.bands')}</h2>
            <BandsEditor draft={draft} issues={issues} onChange={change} />
          </section>
        </div>

        <div className="campaign-form-side">
          <SourceNames
            sources={draft.sources.map((s) => ({ key: s.key, label: sourceLabelOfDraft(s) }))}
          >
            <PolicyPreview
              samples={samples}
              sources={enabled}
              preview={preview}
              onChange={setSamples}
            />
          </SourceNames>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('campaignNew.creating') : t('campaignNew.create')}
            </button>
            <Link to="/campaigns" className="button">
              {t('campaignNew.cancel')}
            </Link>
          </div>
          {failure === 'fixFirst' && localIssue && (
            <p role="alert" className="error">
              {t('campaignNew.fixFirst', { message: policyIssueText(localIssue, t) })}
            </p>
          )}
          {failure !== null && failure !== 'fixFirst' && (
            <p role="alert" className="error">
              {t('campaignNew.failed', { message: errorText(failure.refused) })}
            </p>
          )}
        </div>
      </form>
    </main>
  )
}
