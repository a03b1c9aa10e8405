import { type FormEvent, useId, useMemo, useState } from 'react'
import { ApiError } from '../api/client'
import { issuesOf } from '../api/error-text'
import type { CampaignDetail } from '../api/types'
import { useApi } from '../api/useApi'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'
import type { Translate } from '../i18n/translate'
import { Link } from '../router'
import { FieldIssue, type Issues } from './FieldIssue'
import { ownSource } from './new-campaign'
import { OriginsEditor } from './OriginsEditor'
import { ShowScoreField } from './ShowScoreField'
import { SourceFields } from './SourceFields'
import { serverIssueText } from './server-issues'
import {
  isSavedSource,
  type SettingsChange,
  type SettingsDraft,
  settingsChange,
  settingsDraft,
  settingsFieldPath,
} from './settings'
import { usePublishedForms } from './useForms'

/**
 * The settings form of one campaign: edits a draft of it, sends only what changed, and shows
 * the server's refusals by code, each field's next to it. `responses` > 0 locks the sources, as
 * does a save refused because answers arrived meanwhile (409 `responsesExist`).
 */
export function SettingsForm({
  campaign: initial,
  responses,
}: {
  campaign: CampaignDetail
  responses: number
}) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const api = useApi()
  const id = useId()
  const forms = usePublishedForms()
  const [campaign, setCampaign] = useState(initial)
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraft(initial))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [issues, setIssues] = useState<Issues>({})
  const [saved, setSaved] = useState(false)
  const pending = useMemo(() => settingsChange(campaign, draft), [campaign, draft])
  const changed = Object.keys(pending.change).length > 0
  // Responses the page knows of: as loaded (it may come after the campaign), or as a refused
  // save (409 `responsesExist`) tells.
  const [refusedWith, setRefusedWith] = useState(0)
  const answered = Math.max(responses, refusedWith)
  const closed = campaign.status === 'closed'
  // Only the campaign's office (its admins and editors) may change it: the server says so.
  const readOnly = closed || !campaign.canManage
  const locked = readOnly || answered > 0

  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setSaved(false)
    setFailure(null)
    // A field's message goes once the field changes.
    setIssues((current) => {
      const next = { ...current }
      for (const key of Object.keys(patch)) {
        const field =
          key === 'origins' ? 'allowedOrigins' : key === 'timeLimit' ? 'timeLimitMinutes' : key
        for (const path of Object.keys(next)) if (path.split('.')[0] === field) delete next[path]
      }
      return next
    })
  }

  // Functional: each source may pick its form in the same render.
  const changeSource = (index: number, patch: Partial<SettingsDraft['sources'][number]>) => {
    setDraft((d) => ({
      ...d,
      sources: d.sources.map((s, at) => (at === index ? { ...s, ...patch } : s)),
    }))
    setSaved(false)
    setFailure(null)
    setIssues((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('sources'))),
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setFailure(null)
    setIssues({})
    try {
      const next = await api<CampaignDetail>(`/api/campaigns/${campaign.id}`, {
        method: 'PATCH',
        body: pending.change,
      })
      setCampaign(next)
      setDraft(settingsDraft(next))
      setSaved(true)
    } catch (caught) {
      setFailure(caught)
      const counted = responsesOf(caught)
      if (counted > 0) {
        // Answers arrived since the page loaded: the sources go back as they are, locked.
        setRefusedWith(counted)
        setDraft((d) => ({ ...d, sources: settingsDraft(campaign).sources }))
      } else setIssues(fieldIssues(caught, pending, t))
    } finally {
      setBusy(false)
    }
  }

  const input = (field: 'name' | 'opensAt' | 'closesAt', type: string, path = field) => (
    <div className={field === 'name' ? 'field wide' : 'field'}>
      <label htmlFor={`${id}-${field}`}>{t(`office.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        value={draft[field]}
        maxLength={field === 'name' ? 200 : undefined}
        disabled={readOnly}
        aria-invalid={issues[path] !== undefined}
        aria-describedby={`${id}-${field}-issue`}
        onChange={(e) => change({ [field]: e.target.value })}
      />
      <FieldIssue id={`${id}-${field}-issue`} message={issues[path]} />
    </div>
  )

  return (
    <form onSubmit={submit} noValidate className="settings-form">
      {closed && (
        <p className="notice" role="status">
          {t('office.closedNotice')}{' '}
          <Link to={`/campaigns/${campaign.id}/admin`}>{t('office.backToAdmin')}</Link>
        </p>
      )}
      {!closed && !campaign.canManage && (
        <p className="notice" role="status" data-read-only="true">
          {t('office.readOnlyNotice')}
        </p>
      )}
      <section className="card" aria-labelledby={`${id}-basics`}>
        <h2 id={`${id}-basics`}>{t('campaignNew.basics')}</h2>
        <div className="field-row">{input('name', 'text')}</div>
        <div className="field-row">
          {input('opensAt', 'datetime-local')}
          {input('closesAt', 'datetime-local')}
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-embed`}>
        <h2 id={`${id}-embed`}>{t('office.embedding')}</h2>
        <p className="hint" id={`${id}-embed-hint`}>
          {t('office.originsHint')}
        </p>
        <OriginsEditor
          origins={draft.origins}
          issues={issues}
          disabled={readOnly}
          onChange={(origins) => change({ origins })}
        />
      </section>

      <section className="card" aria-labelledby={`${id}-answering`}>
        <h2 id={`${id}-answering`}>{t('office.answering')}</h2>
        <ShowScoreField
          id={id}
          checked={draft.showScore}
          disabled={readOnly}
          onChange={(showScore) => change({ showScore })}
        />
        <div className="field">
          <label htmlFor={`${id}-limit`}>{t('office.timeLimit')}</label>
          <input
            id={`${id}-limit`}
            className="narrow"
            type="number"
            min={1}
            max={1440}
            step={1}
            value={draft.timeLimit}
            disabled={readOnly}
            aria-invalid={issues.timeLimitMinutes !== undefined}
            aria-describedby={`${id}-limit-hint ${id}-limit-issue`}
            onChange={(e) => change({ timeLimit: e.target.value })}
          />
          <span id={`${id}-limit-hint`} className="hint">
            {t('office.timeLimitHint')}
          </span>
          <FieldIssue id={`${id}-limit-issue`} message={issues.timeLimitMinutes} />
        </div>
      </section>

      <section className="card" aria-labelledby={`${id}-sources`}>
        <h2 id={`${id}-sources`}>{t('campaignNew.sources')}</h2>
        {answered > 0 && (
          <p className="notice" data-locked="true">
            {t('office.sourcesLocked', { n: answered })}
          </p>
        )}
        {draft.sources.map((source, index) => (
          <SourceFields
            // By place: an added source's key is retyped in place.
            key={index}
            source={source}
            forms={forms.data ?? []}
            issues={issues}
            saved={isSavedSource(campaign, index)}
            locked={locked}
            onChange={(patch) => changeSource(index, patch)}
            onRemove={
              isSavedSource(campaign, index)
                ? undefined
                : () => change({ sources: draft.sources.filter((_, at) => at !== index) })
            }
          />
        ))}
        {!locked && (
          <button
            type="button"
            onClick={() => change({ sources: [...draft.sources, ownSource(draft.sources)] })}
          >
            {t('campaignNew.addSource')}
          </button>
        )}
        <FieldIssue id={`${id}-sources-issue`} message={issues.sources} />
      </section>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || readOnly || !changed}>
          {busy ? t('office.saving') : t('office.save')}
        </button>
        <Link to={`/campaigns/${campaign.id}/admin`} className="button">
          {t('campaignNew.cancel')}
        </Link>
        {saved && (
          <span className="ok" role="status">
            {t('office.saved')}
          </span>
        )}
        {!changed && !saved && <span className="muted">{t('office.unchanged')}</span>}
      </div>
      {failure !== null && (
        <p role="alert" className="error">
          {errorText(failure)}
        </p>
      )}
    </form>
  )
}

/** How many responses a refusal says the campaign has (409 `responsesExist`); 0 for any other. */
function responsesOf(error: unknown): number {
  if (!(error instanceof ApiError) || error.code !== 'responsesExist') return 0
  const details = error.details as { responses?: unknown } | null | undefined
  return typeof details?.responses === 'number' ? details.responses : 0
}

/** The refused request's field problems by the page's field paths, in the reader's language. */
function fieldIssues(error: unknown, sent: SettingsChange, t: Translate): Issues {
  if (!(error instanceof ApiError)) return {}
  const details = error.details as { policyError?: unknown } | null | undefined
  const policyError = typeof details?.policyError === 'string' ? details.policyError : undefined
  const out: Record<string, string> = {}
  for (const issue of issuesOf(error)) {
    const path = settingsFieldPath(issue.path ?? '', sent)
    if (out[path] !== undefined) continue
    if (path.startsWith('allowedOrigins.') && issue.code === 'custom') {
      out[path] = t('office.originInvalid')
    } else if ((path === 'opensAt' || path === 'closesAt') && issue.code !== 'invalid_format') {
      // The server's own check of the window: it closes after it opens.
      out[path] = t('office.windowInvalid')
    } else {
      out[path] = serverIssueText(
        { issue: { ...issue, path }, errorCode: error.code, policyError },
        t,
      )
    }
  }
  return out
}
