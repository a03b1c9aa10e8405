import { DEFAULT_RESPONDENTS, type DefaultSourceKey, SOURCE_KEYS } from '@yardstick/sdk/domain'
import type { NewCampaign } from '../api/types'
import {
  type BandDraft,
  type PolicyDraft,
  type SampleUnit,
  type SourceDraft,
  toPolicy,
} from './policy'
import { formsByUnitTypeOf } from './type-forms'

/** Everything the creation page edits. Dates are `datetime-local` text (the browser's zone). */
export interface CampaignDraft extends PolicyDraft {
  name: string
  cadence: NewCampaign['cadence']
  opensAt: string
  closesAt: string
  subtree: number | null
  /** The branches chosen under `subtree`, or null for all of them. */
  unitIds: number[] | null
  /** Respondents see their score after submitting; off unless the office chooses it. */
  showScore: boolean
}

type SourceDefaults = Omit<
  SourceDraft,
  'key' | 'formId' | 'formVersion' | 'answeredBy' | 'labelZh' | 'labelEn' | 'panel' | 'own'
>

const SOURCE_DEFAULTS: Record<DefaultSourceKey, SourceDefaults> = {
  self: {
    enabled: true,
    weight: '30',
    required: true,
    minResponses: '',
    measure: 'percent',
    anonymous: false,
  },
  members: {
    enabled: true,
    weight: '30',
    required: false,
    minResponses: '5',
    measure: 'satisfactionRate',
    anonymous: true,
  },
  superior: {
    enabled: true,
    weight: '40',
    required: true,
    minResponses: '',
    measure: 'percent',
    anonymous: false,
  },
}

/** The bands of the source material: 先进 / 达标 / 后进, with stars. */
export const DEFAULT_BANDS: BandDraft[] = [
  { min: '90', grade: '先进', stars: '5' },
  { min: '60', grade: '达标', stars: '3' },
  { min: '0', grade: '后进', stars: '1' },
]

/**
 * Six sample branches that between them show every band, the quota (with 先进 at most 20 % of
 * five graded, B is moved down) and a branch below the minimum participation (D).
 */
export const DEFAULT_SAMPLES: SampleUnit[] = [
  sample('示例支部 A', [98, 96, 95], 12),
  sample('示例支部 B', [92, 90, 93], 10),
  sample('示例支部 C', [75, 80, 70], 8),
  sample('示例支部 D', [60, 40, 50], 3),
  sample('示例支部 E', [85, 88, 82], 9),
  sample('示例支部 F', [50, 45, 40], 7),
]

function sample(name: string, [self, members, superior]: number[], n: number): SampleUnit {
  return {
    name,
    values: { self: String(self), members: String(members), superior: String(superior) },
    counts: { self: '1', members: String(n), superior: '1' },
    vetoed: false,
  }
}

const local = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/**
 * A new campaign's starting point: the year's composite evaluation (自评 30, 测评 30 with at
 * least 5 answers, 考评 40), the three bands with stars, 先进 at most 20 %, open from now for
 * thirty days, respondents not shown their score.
 *
 * @example
 * const [draft, setDraft] = useState(() => defaultDraft(new Date()))
 */
export function defaultDraft(now: Date): CampaignDraft {
  return {
    name: '',
    cadence: 'yearly',
    opensAt: local(now),
    closesAt: local(new Date(now.getTime() + 30 * 86_400_000)),
    subtree: null,
    unitIds: null,
    showScore: false,
    sources: SOURCE_KEYS.map((key) => ({
      key,
      answeredBy: DEFAULT_RESPONDENTS[key],
      labelZh: '',
      labelEn: '',
      panel: [],
      own: false,
      formId: null,
      formVersion: null,
      ...SOURCE_DEFAULTS[key],
    })),
    bands: DEFAULT_BANDS,
    quotaGrade: '先进',
    quotaShare: '20',
  }
}

/**
 * A source of the office's own to add to a draft (述职评议 by default: a panel rating each unit
 * once), with a key no source of the draft has yet.
 *
 * @example
 * setDraft((d) => ({ ...d, sources: [...d.sources, ownSource(d.sources)] }))
 */
export function ownSource(sources: readonly SourceDraft[]): SourceDraft {
  const taken = new Set(sources.map((source) => source.key))
  let n = 1
  while (taken.has(n === 1 ? 'debriefing' : `debriefing${n}`)) n++
  return {
    key: n === 1 ? 'debriefing' : `debriefing${n}`,
    answeredBy: 'panel',
    labelZh: '',
    labelEn: '',
    panel: [],
    own: true,
    formId: null,
    formVersion: null,
    enabled: true,
    weight: '10',
    required: false,
    minResponses: '',
    measure: 'percent',
    anonymous: false,
  }
}

/** Where a draft cannot become a request yet, as field paths and messages. */
export type DraftIssues = Record<string, string>

/**
 * The `POST /api/campaigns` body for a draft. Fields the page itself must fill (an organisation,
 * a version per source) are left to the server to refuse, so every message comes from one place.
 *
 * @example
 * await api('/api/campaigns', { method: 'POST', body: toRequest(draft) })
 */
export function toRequest(draft: CampaignDraft): NewCampaign {
  const policy = toPolicy(draft)
  const enabled = draft.sources.filter((s) => s.enabled)
  const iso = (text: string) => {
    const date = new Date(text)
    return Number.isNaN(date.getTime()) ? text : date.toISOString()
  }
  return {
    name: draft.name,
    cadence: draft.cadence,
    opensAt: iso(draft.opensAt),
    closesAt: iso(draft.closesAt),
    // Chosen branches are the office's (orgId), even when they share a deeper ancestor.
    ...(draft.unitIds === null
      ? { units: { subtree: draft.subtree ?? 0 } }
      : {
          units: { ids: draft.unitIds },
          ...(draft.subtree === null ? {} : { orgId: draft.subtree }),
        }),
    sources: enabled.map(sourceRequest),
    bands: policy.bands.map((b) => ({ ...b })),
    ...(policy.quota ? { quota: policy.quota } : {}),
    showScore: draft.showScore,
  }
}

/**
 * One source of a draft as a request adds it (`POST /api/campaigns`, and a source added to an
 * existing campaign by `PATCH`): what the office chose, a field left empty sent so that the
 * server refuses it at its place.
 *
 * @example
 * sourceRequest(ownSource(draft.sources)) // { key: 'debriefing', answeredBy: 'panel', panel: [], … }
 */
export function sourceRequest(s: SourceDraft): NewCampaign['sources'][number] {
  return {
    key: s.key,
    ...ownFieldsOf(s),
    formVersion: s.formVersion ?? 0,
    ...perTypeOf(s),
    weight: s.weight.trim() === '' ? Number.NaN : Number(s.weight),
    required: s.required,
    ...(s.minResponses.trim() === '' ? {} : { minResponses: Number(s.minResponses) }),
    measure: s.measure,
    anonymous: s.anonymous,
  }
}

/**
 * A source's own name as typed, trimmed, each language only where given; null when neither is.
 *
 * @example
 * sourceLabelOfDraft({ labelZh: ' 述职评议 ', labelEn: '' }) // { 'zh-CN': '述职评议' }
 */
export function sourceLabelOfDraft(
  source: Pick<SourceDraft, 'labelZh' | 'labelEn'>,
): { 'zh-CN'?: string; en?: string } | null {
  const label = {
    ...(source.labelZh.trim() ? { 'zh-CN': source.labelZh.trim() } : {}),
    ...(source.labelEn.trim() ? { en: source.labelEn.trim() } : {}),
  }
  return Object.keys(label).length > 0 ? label : null
}

// A default source sends only what it always did (its key says who answers it), plus a label
// where the office gave one; its own sources say who answers and, for a panel, who is on it.
function ownFieldsOf(source: SourceDraft) {
  const label = sourceLabelOfDraft(source)
  return {
    ...(source.own ? { answeredBy: source.answeredBy } : {}),
    ...(label ? { label } : {}),
    ...(source.answeredBy === 'panel' ? { panel: source.panel } : {}),
  }
}

// One form for all sends no `formsByUnitType` at all: the body stays as it always was.
function perTypeOf(source: SourceDraft) {
  const formsByUnitType = formsByUnitTypeOf(source)
  return Object.keys(formsByUnitType).length === 0 ? {} : { formsByUnitType }
}
