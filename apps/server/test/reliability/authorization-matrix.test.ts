import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALLERS, type Caller, createWorld, validBody, type World } from './api-world'

/**
 * Every operation of the OpenAPI document × every caller: what each one gets, against branch
 * B's objects (branch 2, first sub-committee). `ok` is any 2xx; a number is the status. The
 * callers: no session, an expired and a revoked session, a member with no role, the secretary
 * of branch A (branch 1), an officer (editor) of the OTHER sub-committee, an officer (editor)
 * of the committee, and the committee's admin. Allowed callers may still meet a rule of the
 * state (409, 422): the cell says what they meet. A new operation without a row fails.
 */
type Cell = 'ok' | 400 | 401 | 403 | 404 | 409 | 422
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell]

// Columns:          anonymous expired revoked member secretaryA otherOfficer officer admin
// Columns: anonymous, expired, revoked, member (no role), secretaryA, otherOfficer, officer, admin.
// Read from the left: who is refused, and with what. A secretary of branch A sees a campaign
// assessing its branch and lists (filtered to its branch) its links, results and
// rectifications, but never branch B's self-check, rectification, unit result or responses; an
// officer of the other sub-committee is told nothing exists (404) of the campaign and is
// refused the sub-committee's forms. Cells after a state change (publish twice, open an open
// campaign) show the rule of the state the earlier cells left (409).
const EXPECTED: Record<string, Row> = {
  login: [401, 401, 401, 401, 401, 401, 401, 401],
  getSession: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  getCurrentUser: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
  changePassword: [401, 401, 401, 403, 403, 403, 403, 403],
  importOrgs: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  exportOrgsCsv: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  exportOrgsXlsx: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  getOrgTree: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
  createOrg: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  listUnitTypes: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
  getOrg: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  updateOrg: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  moveOrg: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  retireOrg: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  restoreOrg: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  createForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  listForms: [401, 401, 401, 403, 403, 'ok', 'ok', 'ok'],
  getForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  saveForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  archiveForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  unarchiveForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  duplicateForm: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  // Text import (文本导入) saves nothing: any editor or admin, as creating a form without an org.
  importFormText: [401, 401, 401, 403, 403, 'ok', 'ok', 'ok'],
  publishForm: [401, 401, 401, 403, 403, 403, 'ok', 409],
  restoreFormVersion: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  listFormVersions: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  getFormVersion: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  diffFormVersions: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  listReviewThreads: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  openReviewThread: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  replyToReviewThread: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  resolveReviewThread: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  reopenReviewThread: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  // Blocks: editors reaching the office; the other sub-committee's officer lists only its own
  // (none) and is refused branch B's; the admin deletes after the officer (404).
  listBlocks: [401, 401, 401, 403, 403, 'ok', 'ok', 'ok'],
  saveBlock: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  deleteBlock: [401, 401, 401, 403, 403, 403, 'ok', 404],
  createCampaign: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  listCampaigns: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
  getCampaign: [401, 401, 401, 404, 'ok', 404, 'ok', 'ok'],
  updateCampaign: [401, 401, 401, 404, 403, 404, 'ok', 'ok'],
  listCampaignLinks: [401, 401, 401, 404, 'ok', 404, 'ok', 'ok'],
  openCampaign: [401, 401, 401, 404, 403, 404, 409, 409],
  closeCampaign: [401, 401, 401, 404, 403, 404, 'ok', 409],
  issueCampaignTokens: [401, 401, 401, 404, 403, 404, 'ok', 'ok'],
  getLink: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  submitResponse: [400, 400, 400, 400, 400, 400, 400, 400],
  preflightResponse: ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'],
  startAttempt: [409, 409, 409, 409, 409, 409, 409, 409],
  listSelfCheckToDos: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
  getSelfCheck: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  saveSelfCheck: [401, 401, 401, 403, 403, 403, 403, 409],
  beginSelfCheck: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  approveSelfCheck: [401, 401, 401, 403, 403, 403, 403, 409],
  announceSelfCheck: [401, 401, 401, 403, 403, 403, 403, 409],
  submitSelfCheck: [401, 401, 401, 403, 403, 403, 403, 409],
  listCampaignRectifications: [401, 401, 401, 403, 'ok', 'ok', 'ok', 'ok'],
  listRectifications: [401, 401, 401, 403, 'ok', 'ok', 'ok', 'ok'],
  getRectification: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  updateRectification: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  reviewRectification: [401, 401, 401, 403, 403, 403, 403, 409],
  getCampaignResults: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  // The verifier recomputes from every response: the campaign's managers only, as its settings.
  verifyCampaignAggregates: [401, 401, 401, 404, 403, 404, 'ok', 'ok'],
  getQuestionResults: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  getUnitResult: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  exportResultsCsv: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportResponsesCsv: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  exportResultsXlsx: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportResponsesXlsx: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  getDimensionResults: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportDimensionsCsv: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportDimensionsXlsx: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  getCommonProblems: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportCommonProblemsCsv: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportCommonProblemsXlsx: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  getResultsSeries: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  getCampaignReport: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  exportCampaignReportPdf: [401, 401, 401, 403, 'ok', 403, 'ok', 'ok'],
  // Branch B is not graded lowest: the office meets that rule (409); the next period can be
  // started once (the admin, after the officer, meets 409); response 1 is no deduction of B's (400).
  createTransformationPlan: [401, 401, 401, 403, 403, 403, 409, 409],
  raiseDeductionRectification: [401, 401, 401, 403, 403, 403, 400, 400],
  startNextPeriod: [401, 401, 401, 404, 403, 404, 'ok', 409],
  getParticipation: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  exportParticipationCsv: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  exportParticipationXlsx: [401, 401, 401, 403, 403, 403, 'ok', 'ok'],
  listAssessments: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  listUsers: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  createUser: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  importUsers: [401, 401, 401, 403, 403, 403, 403, 400],
  getUser: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  updateUser: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  deactivateUser: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  reactivateUser: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  resetPassword: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  grantRole: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  revokeRole: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  listAudit: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  exportAuditCsv: [401, 401, 401, 403, 403, 403, 403, 'ok'],
  logout: [401, 401, 401, 'ok', 'ok', 'ok', 'ok', 'ok'],
}

describe.each(await testStores())('the authorisation matrix on %s', (kind) => {
  let world: World
  const actual: Record<string, Cell[]> = {}
  beforeAll(async () => {
    world = await createWorld(kind)
    // Signing out ends the caller's session: last, so every other cell has a live one.
    const ordered = [...world.operations].sort(
      (a, b) => Number(a.operationId === 'logout') - Number(b.operationId === 'logout'),
    )
    for (const operation of ordered) {
      const cells: Cell[] = []
      for (const caller of CALLERS) {
        cells.push(await callAs(world, operation.operationId, caller))
      }
      actual[operation.operationId] = cells
    }
    if (process.env.YS_MATRIX_PRINT) {
      const lines = Object.entries(actual).map(
        ([id, cells]) => `  ${id}: [${cells.map((c) => (c === 'ok' ? "'ok'" : c)).join(', ')}],`,
      )
      console.info(`const EXPECTED = {\n${lines.join('\n')}\n}`)
    }
  }, 300_000)
  afterAll(() => world.f.close())

  it('has one row for every operation of the document, and none for an operation not there', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it('answers every cell as the table says', () => {
    const wrong = Object.entries(EXPECTED).flatMap(([id, row]) =>
      row.flatMap((cell, i) =>
        actual[id]?.[i] === cell ? [] : [`${id} as ${CALLERS[i]}: ${actual[id]?.[i]}, not ${cell}`],
      ),
    )
    expect(wrong).toEqual([])
  })

  it('refuses every signed-in operation without a live session, with 401', () => {
    const open = new Set([
      'login',
      'getSession',
      'getLink',
      'submitResponse',
      'startAttempt',
      'preflightResponse',
    ])
    for (const [id, cells] of Object.entries(actual)) {
      if (open.has(id)) continue
      expect(cells.slice(0, 3), id).toEqual([401, 401, 401])
    }
  })
})

async function callAs(world: World, operationId: string, caller: Caller): Promise<Cell> {
  const operation = world.operations.find((o) => o.operationId === operationId)
  if (!operation) throw new Error(`no operation ${operationId}`)
  const token = world.tokens[caller]
  const body = validBody(world, operationId)
  const headers: Record<string, string> = {}
  if (body?.type) headers['content-type'] = body.type
  // Per-question results, 共性问题 and response exports name one source.
  const query = /\/results\/questions|\/responses\.|common-problems/.test(operation.template)
    ? '?source=members'
    : ''
  const { status } = await world.f.call(operation.method, world.fill(operation.template) + query, {
    ...(token ? { token } : {}),
    ...(body ? { body: body.body } : {}),
    headers,
  })
  if (status >= 200 && status < 300) return 'ok'
  if (status >= 500) throw new Error(`${operationId} as ${caller}: ${status}`)
  return status as Cell
}
