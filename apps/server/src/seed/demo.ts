import { randomBytes } from 'node:crypto'
import { type Db, type Role, schema, type UnitType } from '@yardstick/db'
import {
  type Answers,
  type FormJson,
  localizedText,
  respondentsOf,
  scorecardTemplateIds,
  scoreResponse,
  type TemplateId,
  templates,
  validateResponse,
} from '@yardstick/sdk'
import { eq } from 'drizzle-orm'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { type AuthUser, grantsOf } from '../auth/sessions'
import { visibleCampaign } from '../campaigns/access'
import { createCampaign } from '../campaigns/create-campaign'
import { moveCampaign } from '../campaigns/status'
import { publishForm } from '../forms/publish'
import { createUser, insertOrg } from '../orgs/org-tree'
import { answeredSignedIn } from '../submissions/link-context'
import { DEMO_PERIOD, type DemoQuiz, seedDemoQuiz } from './demo-quiz'
import { chance, fakeAnswers } from './fake-answers'

/** A demo account, printed at start (the password only in the terminal and the data folder). */
export interface DemoAccount {
  /** Their role, or `panel`: named on the 述职评议 panel, with no role. */
  role: Role | 'panel'
  email: string
  name: string
  password: string
  scope: string
}

const SUBCOMMITTEES = [
  {
    name: '综合部门分工委',
    departments: ['办公室', '政策研究室', '法规处', '督查室', '信访处', '机关事务处', '档案室'],
  },
  {
    name: '经济部门分工委',
    departments: ['发展规划处', '财务处', '统计处', '审计处', '招商处', '产业处', '科技处'],
  },
  {
    name: '社会事业分工委',
    departments: ['教育处', '卫生处', '文化处', '民政处', '人社处', '体育处', '宣传处'],
  },
]
const UNIT_TYPES: UnitType[] = ['organ', 'publicInstitution', 'enterprise', 'research']
/** The index of the branch that lags on purpose (it has every source). */
const LAGGING_BRANCH = 6
const BRANCHES_PER_SUBCOMMITTEE = 20

const ROLE_ACCOUNTS: Array<{
  role: Role
  email: string
  name: string
  at: 'committee' | 'sub' | 'branch'
}> = [
  { role: 'admin', email: 'admin@yardstick.local', name: '管理员（机关工委）', at: 'committee' },
  { role: 'editor', email: 'editor@yardstick.local', name: '组织处 表单设计', at: 'committee' },
  { role: 'reviewer', email: 'reviewer@yardstick.local', name: '宣传处 审阅', at: 'committee' },
  { role: 'assessor', email: 'assessor@yardstick.local', name: '综合部门分工委 考评员', at: 'sub' },
  {
    role: 'secretary',
    email: 'secretary@yardstick.local',
    name: '办公室第一党支部 书记',
    at: 'branch',
  },
  // A committee member fills the self-check together with the secretary (co-filling): the
  // branch's writing role is `secretary`, so the member holds it on the same branch.
  {
    role: 'secretary',
    email: 'member@yardstick.local',
    name: '办公室第一党支部 支委委员',
    at: 'branch',
  },
]

/** The demo 述职评议 panel: people with no role, named on the open campaign's panel source. */
const PANEL_ACCOUNTS = [
  { email: 'panel1@yardstick.local', name: '述职评议组 成员一' },
  { email: 'panel2@yardstick.local', name: '述职评议组 成员二' },
]
/** The branches the panel has rated (a few, so the seed stays fast; not the lagging one). */
const RATED_BRANCHES = [1, 2, 3, 4, 5]

/** What the demo seed made that `pnpm start` prints: the accounts and the quiz's tokens. */
export interface DemoSeed {
  accounts: DemoAccount[]
  quiz: DemoQuiz
}

/** Options of `seedDemo`. */
export interface SeedDemoOptions {
  /** One password for every demo account; random per account when absent. */
  password?: string
  /** Seed of the demo data's generator (default 2026): same data on every machine. */
  seed?: number
}

/**
 * Loads the demo world on an empty database (written from the source material): 机关工委 with
 * three sub-committees and 60 branches of four types, one account per role, every SDK template
 * as a published form, and an open 年度综合评定 campaign with self-checks, member satisfaction
 * responses and superior scorecards (each branch type on its own) filled for most branches, a
 * 述职评议 source whose panel (two people with no role) has rated a few branches, and an open timed knowledge quiz
 * (`seedDemoQuiz`) with one-time tokens for the first branch. Does nothing on a database that
 * already has organisations.
 *
 * @returns the accounts and the quiz created, or null when the database was not empty
 */
export async function seedDemo(
  db: Db,
  { password, seed = 2026 }: SeedDemoOptions = {},
): Promise<DemoSeed | null> {
  const [existing] = await db.select({ id: schema.orgs.id }).from(schema.orgs).limit(1)
  if (existing) return null
  const rng = xoroshiro128plus(seed)

  const committee = await insertOrg(db, { kind: 'committee', name: '机关工委' })
  const branches: Array<{ id: number; name: string; unitType: UnitType }> = []
  const subs: number[] = []
  for (const [s, sub] of SUBCOMMITTEES.entries()) {
    const subOrg = await insertOrg(db, {
      parentId: committee.id,
      kind: 'subcommittee',
      name: sub.name,
    })
    subs.push(subOrg.id)
    for (let b = 0; b < BRANCHES_PER_SUBCOMMITTEE; b++) {
      const department = sub.departments[b % sub.departments.length]
      const ordinal = ['第一', '第二', '第三'][Math.floor(b / sub.departments.length)] ?? ''
      const name = `${department}${ordinal}党支部`
      const unitType = UNIT_TYPES[(s + b) % UNIT_TYPES.length] as UnitType
      const branch = await insertOrg(db, { parentId: subOrg.id, kind: 'branch', name, unitType })
      branches.push({ id: branch.id, name, unitType })
    }
  }

  const scopeOrg = {
    committee: committee.id,
    sub: subs[0] as number,
    branch: branches[0]?.id as number,
  }
  const accounts: DemoAccount[] = []
  for (const account of ROLE_ACCOUNTS) {
    const secret = password ?? randomBytes(9).toString('base64url')
    await createUser(db, {
      ...account,
      password: secret,
      grants: [{ role: account.role, orgId: scopeOrg[account.at] }],
    })
    const scope =
      account.at === 'committee'
        ? '机关工委'
        : account.at === 'sub'
          ? (SUBCOMMITTEES[0]?.name ?? '')
          : (branches[0]?.name ?? '')
    accounts.push({
      role: account.role,
      email: account.email,
      name: account.name,
      password: secret,
      scope,
    })
  }
  const panel: number[] = []
  for (const account of PANEL_ACCOUNTS) {
    const secret = password ?? randomBytes(9).toString('base64url')
    panel.push((await createUser(db, { ...account, password: secret, grants: [] })).id)
    accounts.push({ role: 'panel', ...account, password: secret, scope: '述职评议' })
  }
  const [adminRow] = await db
    .select()
    .from(schema.users)
    .where(eq(schema.users.email, 'admin@yardstick.local'))
  if (!adminRow) throw new Error('seed: no admin')
  const admin: AuthUser = { ...adminRow, grants: await grantsOf(db, adminRow.id) }

  const versions = {} as Record<TemplateId, number>
  for (const [id, json] of Object.entries(templates) as Array<[TemplateId, FormJson]>) {
    const title = localizedText(json.title, 'zh-cn', id)
    const [form] = await db
      .insert(schema.forms)
      .values({
        orgId: committee.id,
        title,
        kind: json.kind ?? 'generic',
        json,
        createdBy: admin.id,
      })
      .returning()
    if (!form) throw new Error('seed: form not inserted')
    const version = await publishForm(db, {
      form: { ...form, orgPath: committee.path },
      user: admin,
      note: '初始版本（模板）',
    })
    versions[id] = version.id
  }

  // The same service as POST /api/campaigns: sources, units and one link per (unit, source).
  const campaignId = await createCampaign(db, admin, {
    name: '2026年度党支部综合评定',
    cadence: 'yearly',
    ...DEMO_PERIOD,
    units: { subtree: committee.id },
    sources: [
      {
        key: 'self',
        formVersion: versions.selfCheck,
        weight: 30,
        required: true,
        measure: 'percent',
      },
      {
        key: 'members',
        formVersion: versions.satisfaction,
        weight: 30,
        minResponses: 5,
        measure: 'satisfactionRate',
        anonymous: true,
      },
      {
        key: 'superior',
        formVersion: versions.scorecard,
        // 分类制定: each branch type is scored on its own scorecard (the organ one is the default).
        formsByUnitType: Object.fromEntries(
          UNIT_TYPES.map((type) => [type, versions[scorecardTemplateIds[type]]]),
        ),
        weight: 40,
        required: true,
        measure: 'percent',
      },
      {
        // 支部书记述职评议, "纳入…考核": rated by a panel, counted where it has rated.
        key: 'debriefing',
        answeredBy: 'panel',
        label: { 'zh-CN': '述职评议', en: 'Debriefing review' },
        panel,
        formVersion: versions.debriefing,
        weight: 10,
        measure: 'percent',
      },
    ],
    bands: [
      { min: 90, grade: '先进', stars: 5 },
      { min: 60, grade: '达标', stars: 3 },
      { min: 0, grade: '后进', stars: 1 },
    ],
    quota: { grade: '先进', maxShare: 0.2 },
    allowedOrigins: ['http://127.0.0.1:8080', 'http://localhost:8080'],
    // A comprehensive evaluation of branches (no quiz source): the score is the office's.
    showScore: false,
  })
  // Opened as POST /api/campaigns/:id/open opens it (and so recorded in the audit log).
  await moveCampaign(db, admin, await visibleCampaign(db, admin, campaignId), 'open')
  const campaign = { id: campaignId }

  const rows: Array<typeof schema.responses.$inferInsert> = []
  const make = (
    unitId: number,
    key: 'self' | 'members' | 'superior' | 'debriefing',
    template: TemplateId,
    answers: Answers,
    respondentId: number | null = key === 'members' ? null : admin.id,
  ) => {
    const form = templates[template]
    const requireReasons = answeredSignedIn(key === 'debriefing' ? 'panel' : respondentsOf({ key }))
    const check = validateResponse(form, answers, { requireReasons })
    if (!check.valid)
      throw new Error(
        `seed: generated ${template} answers are invalid: ${JSON.stringify(check.errors)}`,
      )
    const score = scoreResponse(form, answers)
    rows.push({
      campaignId: campaign.id,
      unitId,
      sourceKey: key,
      formVersionId: versions[template],
      answers,
      score,
      percent: score.percent,
      satisfied: score.satisfaction?.satisfied ?? 0,
      answered: score.satisfaction?.answered ?? 0,
      veto: score.veto,
      respondentId,
    })
    return score
  }
  const qualities: number[] = []
  for (const [i, branch] of branches.entries()) {
    const drawn = 0.55 + 0.45 * chance(rng)
    // One branch lags on purpose, so the demo shows every grade (后进 and its 转化 plan too)
    // whichever scorecards its branch types answer.
    const quality = i === LAGGING_BRANCH ? 0.2 : drawn
    qualities.push(quality)
    if (i % 12 !== 11) {
      const answers = fakeAnswers(templates.selfCheck, quality, rng)
      const score = make(branch.id, 'self', 'selfCheck', answers)
      await insertSubmittedSelfCheck(db, campaign.id, branch.id, answers, score.problems)
    }
    const members = i % 15 === 14 ? 3 : 6 + Math.floor(chance(rng) * 9)
    for (let m = 0; m < members; m++)
      make(branch.id, 'members', 'satisfaction', fakeAnswers(templates.satisfaction, quality, rng))
    if (i % 10 !== 9) {
      const scorecard = scorecardTemplateIds[branch.unitType]
      make(branch.id, 'superior', scorecard, fakeAnswers(templates[scorecard], quality, rng))
    }
  }
  // Each panel member rates a few branches, from a generator of its own: the other sources'
  // answers stay the same as before the panel existed.
  const panelRng = xoroshiro128plus(seed + 1)
  for (const i of RATED_BRANCHES) {
    const branch = branches[i]
    if (!branch) continue
    for (const userId of panel) {
      const answers = fakeAnswers(templates.debriefing, qualities[i] ?? 0.8, panelRng)
      make(branch.id, 'debriefing', 'debriefing', answers, userId)
    }
  }
  for (let i = 0; i < rows.length; i += 500)
    await db.insert(schema.responses).values(rows.slice(i, i + 500))

  // After the comprehensive evaluation, so that one keeps campaign id 1.
  const first = branches[0]
  if (!first) throw new Error('seed: no branch')
  const quiz = await seedDemoQuiz(db, admin, {
    formVersion: versions.quiz,
    office: { id: committee.id, name: committee.name, path: committee.path },
    subtree: committee.id,
    unit: first,
  })
  return { accounts, quiz }
}

async function insertSubmittedSelfCheck(
  db: Db,
  campaignId: number,
  unitId: number,
  answers: Answers,
  problems: ReturnType<typeof scoreResponse>['problems'],
) {
  const [selfCheck] = await db
    .insert(schema.selfChecks)
    .values({
      campaignId,
      unitId,
      status: 'submitted',
      answers,
      approvedOn: '2026-11-10',
      announcedAt: new Date('2026-11-12T09:00:00+08:00'),
      submittedAt: new Date('2026-11-15T09:00:00+08:00'),
    })
    .returning()
  if (!selfCheck || problems.length === 0) return
  await db.insert(schema.rectifications).values(
    problems.map((p) => ({
      campaignId,
      unitId,
      selfCheckId: selfCheck.id,
      question: p.question,
      title: p.title,
      note: p.note ?? null,
      measure: typeof p.details?.measure === 'string' ? p.details.measure : null,
      owner: typeof p.details?.owner === 'string' ? p.details.owner : null,
      deadline: typeof p.details?.deadline === 'string' ? p.details.deadline : null,
      status: 'open' as const,
    })),
  )
}
