import type { CampaignSettingsChange } from '../api/campaign-office'
import type { CampaignDetail, CampaignSource } from '../api/types'
import {
  formsByUnitTypeOf,
  sameFormsByUnitType,
  type TypeFormsDraft,
  typeFormsDraft,
} from './type-forms'

/** One source as the settings page edits it: its form, version, forms per type and weight. */
export interface SourceSettingsDraft extends TypeFormsDraft {
  key: CampaignSource['key']
  /** Its own name, shown as it is (not edited here). */
  label: CampaignSource['label']
  formId: number | null
  formVersion: number | null
  weight: string
}

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
    sources: campaign.sources.map((source) => ({
      key: source.key,
      label: source.label,
      formId: source.formId,
      formVersion: source.formVersion,
      weight: String(source.weight),
      ...typeFormsDraft(source),
    })),
  }
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
  for (const source of draft.sources) {
    const current = campaign.sources.find((s) => s.key === source.key)
    if (!current) continue
    const weight = Number(source.weight)
    const entry: NonNullable<CampaignSettingsChange['sources']>[number] = { key: source.key }
    if (source.formVersion !== null && source.formVersion !== current.formVersion) {
      entry.formVersion = source.formVersion
    }
    if (source.weight.trim() === '' || weight !== current.weight) {
      entry.weight = source.weight.trim() === '' ? Number.NaN : weight
    }
    const formsByUnitType = formsByUnitTypeOf(source)
    if (!sameFormsByUnitType(formsByUnitType, current.formsByUnitType)) {
      entry.formsByUnitType = formsByUnitType
    }
    if (
      entry.formVersion !== undefined ||
      entry.weight !== undefined ||
      entry.formsByUnitType !== undefined
    ) {
      sources.push(entry)
      sourceKeys.push(source.key)
    }
  }
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
