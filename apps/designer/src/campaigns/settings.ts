import { SOURCE_KEYS } from '@yardstick/sdk/domain'
import type { CampaignSettingsChange } from '../api/campaign-office'
import type { CampaignDetail, CampaignSource } from '../api/types'
import { sourceLabelOfDraft, sourceRequest } from './new-campaign'
import type { SourceDraft } from './policy'
import { formsByUnitTypeOf, sameFormsByUnitType, typeFormsDraft } from './type-forms'

/**
 * One source as the settings page edits it: the creation page's draft of a source (one editor,
 * `SourceFields`). A source the campaign has is switched off to remove it; one the office adds
 * here is sent whole.
 */
export type SourceSettingsDraft = SourceDraft

/** What the settings page edits. Dates are `datetime-local` text (the browser's zone). */
export interface SettingsDraft {
  name: string
  opensAt: string
  closesAt: string
  /** One row per portal origin; empty rows are dropped when saving. */
  origins: string[]
  showScore: boolean
  /** Minutes, or '' for no limit. */
  timeLimit: string
  sources: SourceSettingsDraft[]
}

/**
 * A date in the browser's zone as `datetime-local` text.
 *
 * @example
 * localDateTime(new Date(2030, 2, 1, 9, 5)) // '2030-03-01T09:05'
 */
export function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * The settings page's starting point: the campaign as it is.
 *
 * @example
 * const [draft, setDraft] = useState(() => settingsDraft(campaign))
 */
export function settingsDraft(campaign: CampaignDetail): SettingsDraft {
  return {
    name: campaign.name,
    opensAt: localDateTime(new Date(campaign.opensAt)),
    closesAt: localDateTime(new Date(campaign.closesAt)),
    origins: campaign.allowedOrigins.length > 0 ? [...campaign.allowedOrigins] : [''],
    showScore: campaign.showScore,
    timeLimit: campaign.timeLimitMinutes === null ? '' : String(campaign.timeLimitMinutes),
    sources: campaign.sources.map(sourceDraftOf),
  }
}

/**
 * A campaign's source as the page's draft of it: a key other than the defaults is the office's
 * own (who answers it is then the office's to choose).
 *
 * @example
 * sourceDraftOf(campaign.sources[0]).weight // '3'
 */
export function sourceDraftOf(source: CampaignSource): SourceSettingsDraft {
  return {
    key: source.key,
    answeredBy: source.answeredBy,
    labelZh: source.label?.['zh-CN'] ?? '',
    labelEn: source.label?.en ?? '',
    panel: [...source.panel],
    own: !(SOURCE_KEYS as readonly string[]).includes(source.key),
    enabled: true,
    formId: source.formId,
    formVersion: source.formVersion,
    weight: String(source.weight),
    required: source.required,
    minResponses: source.minResponses === null ? '' : String(source.minResponses),
    measure: source.measure ?? 'percent',
    anonymous: source.anonymous,
    ...typeFormsDraft(source),
  }
}

/**
 * Whether the draft source at `index` is one the campaign has (its key, required, measure and
 * anonymity stay as created) rather than one added on the page: the campaign's sources come
 * first in the draft, in its order.
 */
export function isSavedSource(campaign: CampaignDetail, index: number): boolean {
  return index < campaign.sources.length
}

/** A change to send, and for each origin sent the draft row it came from (to place issues). */
export interface SettingsChange {
  change: CampaignSettingsChange
  /** `originRows[i]` is the draft row of `change.allowedOrigins[i]`. */
  originRows: number[]
  /** `sourceKeys[i]` is the source of `change.sources[i]`. */
  sourceKeys: Array<CampaignSource['key']>
}

/**
 * The `PATCH /api/campaigns/:id` body for a draft: only what differs from the campaign. Text the
 * server must judge (an empty name, a bad origin, a limit that is not a whole number) is sent as
 * typed, so every message about it comes from one place, worded by its code.
 *
 * @example
 * const { change } = settingsChange(campaign, { ...settingsDraft(campaign), showScore: true })
 * change // { showScore: true }
 */
export function settingsChange(campaign: CampaignDetail, draft: SettingsDraft): SettingsChange {
  const change: CampaignSettingsChange = {}
  if (draft.name !== campaign.name) change.name = draft.name
  const iso = (text: string) => {
    const date = new Date(text)
    return Number.isNaN(date.getTime()) ? text : date.toISOString()
  }
  const same = (text: string, original: string) =>
    localDateTime(new Date(original)) === text || iso(text) === original
  if (!same(draft.opensAt, campaign.opensAt)) change.opensAt = iso(draft.opensAt)
  if (!same(draft.closesAt, campaign.closesAt)) change.closesAt = iso(draft.closesAt)

  const originRows: number[] = []
  const origins: string[] = []
  draft.origins.forEach((text, row) => {
    if (text.trim() === '') return
    originRows.push(row)
    origins.push(text.trim())
  })
  if (origins.join('\n') !== campaign.allowedOrigins.join('\n')) change.allowedOrigins = origins

  if (draft.showScore !== campaign.showScore) change.showScore = draft.showScore
  const limit = draft.timeLimit.trim() === '' ? null : Number(draft.timeLimit)
  if (limit !== campaign.timeLimitMinutes) {
    change.timeLimitMinutes = Number.isNaN(limit) ? (draft.timeLimit as unknown as number) : limit
  }

  const sourceKeys: Array<CampaignSource['key']> = []
  const sources: NonNullable<CampaignSettingsChange['sources']> = []
  draft.sources.forEach((source, index) => {
    const entry = isSavedSource(campaign, index)
      ? sourceEdit(campaign.sources[index] as CampaignSource, source)
      : source.enabled
        ? sourceRequest(source)
        : null
    if (entry === null) return
    sources.push(entry)
    sourceKeys.push(source.key)
  })
  if (sources.length > 0) change.sources = sources
  return { change, originRows, sourceKeys }
}

/**
 * A server issue path of a settings request as the page's field path: `allowedOrigins.<i>` as
 * the draft row, `sources.<i>.weight` as the source's key (`sources.members.weight`).
 *
 * @example
 * settingsFieldPath('allowedOrigins.0', { originRows: [2], sourceKeys: [] }) // 'allowedOrigins.2'
 */
export function settingsFieldPath(
  path: string,
  { originRows, sourceKeys }: Pick<SettingsChange, 'originRows' | 'sourceKeys'>,
): string {
  const origin = /^allowedOrigins\.(\d+)/.exec(path)
  if (origin) return `allowedOrigins.${originRows[Number(origin[1])] ?? origin[1]}`
  const source = /^sources\.(\d+)(.*)$/.exec(path)
  if (source) return `sources.${sourceKeys[Number(source[1])] ?? source[1]}${source[2]}`
  return path
}

type SourceChange = NonNullable<CampaignSettingsChange['sources']>[number]

// What the page changed of a source the campaign has, or null for nothing; switched off, it goes.
function sourceEdit(current: CampaignSource, source: SourceSettingsDraft): SourceChange | null {
  if (!source.enabled) return { key: current.key, remove: true }
  const entry: SourceChange = { key: current.key }
  if (source.formVersion !== null && source.formVersion !== current.formVersion) {
    entry.formVersion = source.formVersion
  }
  const weight = Number(source.weight)
  if (source.weight.trim() === '' || weight !== current.weight) {
    entry.weight = source.weight.trim() === '' ? Number.NaN : weight
  }
  const formsByUnitType = formsByUnitTypeOf(source)
  if (!sameFormsByUnitType(formsByUnitType, current.formsByUnitType)) {
    entry.formsByUnitType = formsByUnitType
  }
  const label = sourceLabelOfDraft(source)
  const was = current.label
  if (
    (label?.['zh-CN'] ?? '') !== (was?.['zh-CN'] ?? '') ||
    (label?.en ?? '') !== (was?.en ?? '')
  ) {
    entry.label = label
  }
  if (source.answeredBy !== current.answeredBy) entry.answeredBy = source.answeredBy
  const panel = source.answeredBy === 'panel' ? source.panel : []
  if ([...panel].sort().join() !== [...current.panel].sort().join()) entry.panel = panel
  const minimum = source.minResponses.trim() === '' ? null : Number(source.minResponses)
  if (minimum !== current.minResponses) {
    // Text that is no number is sent as typed, for the server to refuse at its place.
    entry.minResponses = Number.isNaN(minimum)
      ? (source.minResponses as unknown as number)
      : minimum
  }
  return Object.keys(entry).length > 1 ? entry : null
}
