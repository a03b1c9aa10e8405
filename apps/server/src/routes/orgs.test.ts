import { testStores } from '@yardstick/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'
import type { OrgNode } from '../orgs/visible-orgs'

/** Names of a tree, nested as `name(child, child)`, to compare shapes in one line. */
function shape(nodes: OrgNode[]): string {
  return nodes
    .map((n) => (n.children?.length ? `${n.name}(${shape(n.children)})` : n.name))
    .join(', ')
}

describe.each(await testStores())('organisations on %s', (kind) => {
  let f: Fixture
  beforeAll(async () => {
    f = await createFixture(kind)
  })
  afterAll(() => f.close())

  it('gives an admin the whole tree with branch types and their zh-CN labels', async () => {
    const { status, body } = await f.call('GET', '/api/orgs', { token: await f.login('admin') })
    expect(status).toBe(200)
    expect(shape(body.items)).toBe(
      '机关工委(第一分工委(第一党支部, 第二党支部), 第二分工委(第三党支部))',
    )
    const branch = body.items[0].children[0].children[0]
    expect(branch).toMatchObject({
      id: f.orgs.branch1,
      parentId: f.orgs.sub,
      kind: 'branch',
      unitType: 'organ',
      unitTypeLabel: { 'zh-CN': '机关' },
      reached: true,
    })
    expect(branch.path).toBe(`/${f.orgs.committee}/${f.orgs.sub}/${f.orgs.branch1}/`)
  })

  it('gives an assessor only the subtree of their sub-committee', async () => {
    const { body } = await f.call('GET', '/api/orgs', { token: await f.login('assessor') })
    expect(shape(body.items)).toBe('第一分工委(第一党支部, 第二党支部)')
  })

  it('gives a secretary their branch under its ancestors, which are marked as not reached', async () => {
    const { body } = await f.call('GET', '/api/orgs', { token: await f.login('secretary') })
    expect(shape(body.items)).toBe('机关工委(第一分工委(第一党支部))')
    expect(body.items[0].reached).toBe(false)
    expect(body.items[0].children[0].children[0].reached).toBe(true)
  })

  it('gives a user without roles an empty tree', async () => {
    const { status, body } = await f.call('GET', '/api/orgs', { token: await f.login('outsider') })
    expect(status).toBe(200)
    expect(body.items).toEqual([])
  })

  it('shows one organisation with its visible direct children only', async () => {
    const admin = await f.login('admin')
    const sub = await f.call('GET', `/api/orgs/${f.orgs.sub}`, { token: admin })
    expect(sub.status).toBe(200)
    expect(sub.body.children.map((c: OrgNode) => c.name)).toEqual(['第一党支部', '第二党支部'])
    const secretary = await f.login('secretary')
    const top = await f.call('GET', `/api/orgs/${f.orgs.committee}`, { token: secretary })
    expect(top.body.children.map((c: OrgNode) => c.name)).toEqual(['第一分工委'])
  })

  it('answers 403 for an organisation outside your tree and 404 for an unknown one', async () => {
    const assessor = await f.login('assessor')
    const other = await f.call('GET', `/api/orgs/${f.orgs.branch3}`, { token: assessor })
    expect(other.status).toBe(403)
    expect(other.body.error.code).toBe('forbidden')
    expect((await f.call('GET', '/api/orgs/999999', { token: assessor })).status).toBe(404)
    expect((await f.call('GET', '/api/orgs/abc', { token: assessor })).status).toBe(404)
  })

  it('lists the eight branch types with zh-CN labels', async () => {
    const { body } = await f.call('GET', '/api/orgs/unit-types', {
      token: await f.login('reviewer'),
    })
    expect(body.items).toHaveLength(8)
    expect(body.items.map((t: { label: { 'zh-CN': string } }) => t.label['zh-CN'])).toEqual([
      '机关',
      '企业',
      '事业单位',
      '学校',
      '医院',
      '科研院所',
      '社会组织',
      '离退休',
    ])
  })

  it('refuses every organisation route without a token', async () => {
    expect((await f.call('GET', '/api/orgs')).status).toBe(401)
    expect((await f.call('GET', `/api/orgs/${f.orgs.sub}`)).status).toBe(401)
  })

  it('describes its routes in OpenAPI with a recursive node schema', async () => {
    const spec = (await f.call('GET', '/api/openapi.json')).body
    expect(spec.paths['/api/orgs'].get.summary).toContain('组织树')
    expect(spec.paths['/api/orgs/{id}'].get.summary).toContain('单个组织')
    expect(spec.components.schemas.OrgNode).toBeDefined()
  })
})
