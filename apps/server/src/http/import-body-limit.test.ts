import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture } from '../../test/harness'

// Spreadsheets are larger than any JSON body: the imports have a limit of their own
// (IMPORT_BODY_LIMIT), every other route keeps BODY_LIMIT. Small limits here, same rule.
describe('the body limit of the imports', () => {
  let f: Fixture
  let token: string
  beforeAll(async () => {
    f = await createFixture('pglite', { BODY_LIMIT: '1000', IMPORT_BODY_LIMIT: '5000' })
    token = await f.login('admin')
  })
  afterAll(() => f.close())

  const csv = (bytes: number) => {
    let text = '名称,层级\n'
    for (let i = 0; Buffer.byteLength(text) < bytes; i++) text += `第${i}党小组,分工委\n`
    return text
  }
  const upload = (path: string, body: string) =>
    f.app.request(path, {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    })

  it('takes a spreadsheet over the general limit and under its own', async () => {
    const body = csv(3000)
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(1000)
    expect((await upload('/api/orgs/import?dryRun=true', body)).status).toBe(200)
  })

  it('refuses a spreadsheet over its own limit, and any other body over the general one', async () => {
    const tooBig = await upload('/api/users/import?dryRun=true', csv(6000))
    expect(tooBig.status).toBe(413)
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe(
      'payloadTooLarge',
    )
    const login = await f.call('POST', '/api/auth/login', {
      body: { email: 'a@b.cn', password: 'x'.repeat(1500) },
    })
    expect(login.status).toBe(413)
  })
})
