/**
 * Test helpers for campaigns and links (imported by tests only): published form versions made
 * straight from the SDK templates, campaigns through the API, and complete answers.
 */
import { schema } from '@yardstick/db'
import {
  type Answers,
  compileForm,
  type FormJson,
  type TemplateId,
  templates,
} from '@yardstick/sdk'
import type { Fixture } from '../../test/harness'
import { recordFormQuestions } from '../results/form-questions'

/**
 * Inserts a form and its version 1 holding `json` as stored (no validation: tests store forms
 * the API would refuse too); returns the `form_versions` id.
 *
 * @param orgId the office owning the form (default: the committee)
 */
export async function publishFormJson(
  f: Fixture,
  json: FormJson,
  { title, hash, orgId = f.orgs.committee }: { title: string; hash: string; orgId?: number },
): Promise<number> {
  const [form] = await f.database.db
    .insert(schema.forms)
    .values({ orgId, title, kind: String(json.kind ?? 'generic'), json })
    .returning({ id: schema.forms.id })
  const [version] = await f.database.db
    .insert(schema.formVersions)
    .values({ formId: form?.id as number, version: 1, json, hash })
    .returning({ id: schema.formVersions.id })
  await recordFormQuestions(f.database.db, version?.id as number, json)
  return version?.id as number
}

/**
 * Inserts a form and its version 1 from an SDK template; returns the `form_versions` id.
 *
 * @param orgId the office owning the form (default: the committee)
 */
export function publishTemplate(
  f: Fixture,
  template: TemplateId,
  orgId = f.orgs.committee,
): Promise<number> {
  return publishFormJson(f, structuredClone(templates[template]), {
    title: template,
    hash: `test-${template}`,
    orgId,
  })
}

/** One published version per source a link view serves: members, superior, quiz and peer. */
export async function publishSourceTemplates(
  f: Fixture,
): Promise<Record<'members' | 'superior' | 'quiz' | 'peer', number>> {
  return {
    members: await publishTemplate(f, 'satisfaction'),
    superior: await publishTemplate(f, 'scorecard'),
    quiz: await publishTemplate(f, 'quiz'),
    peer: await publishTemplate(f, 'peerAppraisal'),
  }
}

/** A valid body for `POST /api/campaigns` over the first sub-committee, open for a day. */
export function campaignBody(
  f: Fixture,
  versions: { members: number; superior?: number; self?: number },
  overrides: Record<string, unknown> = {},
) {
  const sources: Array<Record<string, unknown>> = [
    { key: 'members', formVersion: versions.members, weight: 3, measure: 'satisfactionRate' },
  ]
  if (versions.superior)
    sources.push({ key: 'superior', formVersion: versions.superior, weight: 5 })
  if (versions.self) sources.push({ key: 'self', formVersion: versions.self, weight: 2 })
  return {
    name: '2025年度综合评定',
    cadence: 'yearly',
    opensAt: new Date(Date.now() - 3_600_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    units: { subtree: f.orgs.sub },
    sources,
    bands: [
      { min: 90, grade: '先进', stars: 5 },
      { min: 60, grade: '达标', stars: 3 },
      { min: 0, grade: '后进', stars: 1 },
    ],
    ...overrides,
  }
}

/** Creates (as admin) and opens a campaign; returns its id and a slug lookup. */
export async function openCampaign(f: Fixture, body: Record<string, unknown>) {
  const admin = await f.login('admin')
  const created = await f.call('POST', '/api/campaigns', { token: admin, body })
  if (created.status !== 201) throw new Error(`create: ${JSON.stringify(created.body)}`)
  const id = created.body.id as number
  const opened = await f.call('POST', `/api/campaigns/${id}/open`, { token: admin })
  if (opened.status !== 200) throw new Error(`open: ${JSON.stringify(opened.body)}`)
  const links = await f.call('GET', `/api/campaigns/${id}/links?limit=100`, { token: admin })
  const slugs = new Map<string, string>(
    links.body.items.map((l: { unitId: number; source: string; slug: string }) => [
      `${l.unitId}:${l.source}`,
      l.slug,
    ]),
  )
  const slug = (unitId: number, source: string) => {
    const found = slugs.get(`${unitId}:${source}`)
    if (!found) throw new Error(`no ${source} link for unit ${unitId}`)
    return found
  }
  return { id, admin, slug }
}

/** Answers every required question (first choice, or the full points) of a form. */
export function completeAnswers(form: FormJson, choose?: string): Answers {
  const answers: Answers = {}
  for (const question of compileForm(form).questions) {
    if (!question.isRequired) continue
    const values = [...question.choices.values()].map((choice) => choice.value)
    if (values.length > 0) {
      answers[question.name] = choose !== undefined && values.includes(choose) ? choose : values[0]
    } else if (question.maxScore !== undefined) answers[question.name] = question.maxScore
    else answers[question.name] = '好'
  }
  return answers
}

/**
 * The quiz questions a token drew, as its link view shows them (the draw's seed never leaves
 * the server, so the view is the only way to know them).
 */
export async function drawnByView(f: Fixture, slug: string, token: string): Promise<string[]> {
  const view = await f.call('GET', `/api/links/${slug}?token=${encodeURIComponent(token)}`)
  if (view.status !== 200) throw new Error(`view: ${view.status} ${JSON.stringify(view.body)}`)
  const pages = view.body.form.pages as Array<{ elements?: Array<{ name: string }> }>
  const plan = compileForm(templates.quiz)
  return pages
    .flatMap((page) => (page.elements ?? []).map((e) => e.name))
    .filter((name) => plan.byName.get(name)?.mode === 'quiz')
}
