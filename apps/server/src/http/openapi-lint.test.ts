import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { ERROR_CODES } from '@yardstick/contract'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, type Fixture, PASSWORD } from '../../test/harness'

// Systems in other languages generate their clients from /api/openapi.json: the document must
// name every operation, say who may call it, and pass a maintained linter's recommended rules
// (docs/adr/0007-openapi-lint-and-client.md).

type Security = Array<Record<string, string[]>>
interface Operation {
  operationId?: string
  security?: Security
  tags?: string[]
}
interface OpenApiDocument {
  tags: Array<{ name: string; description?: string }>
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, { enum?: string[]; $ref?: string; properties?: object }> }
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])
const SIGNED_IN: Security = [{ bearer: [] }]
/** Operations anyone may call: `[]` needs nothing; `[{}, bearer]` reads a session if sent. */
const NOT_SIGNED_IN: Record<string, Security> = {
  'POST /api/auth/login': [],
  'GET /api/auth/session': [{}, { bearer: [] }],
  'OPTIONS /api/links/{slug}/responses': [],
  'GET /api/links/{slug}': [{}, { bearer: [] }],
  'POST /api/links/{slug}/responses': [{}, { bearer: [] }],
  'POST /api/links/{slug}/attempts': [{}, { bearer: [] }],
}

function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
  )
}

describe('the OpenAPI document at /api/openapi.json', () => {
  let f: Fixture
  let text: string
  let document: OpenApiDocument
  beforeAll(async () => {
    f = await createFixture('pglite')
    const response = await f.app.request('/api/openapi.json')
    text = await response.text()
    document = JSON.parse(text)
  })
  afterAll(() => f.close())

  it('names every operation with a unique camelCase operationId', () => {
    const operations = operationsOf(document)
    const ids = operations.map(({ key, operation }) => operation.operationId ?? `(none: ${key})`)
    expect(operations.length).toBeGreaterThan(50)
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/)
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index)
    expect(repeated).toEqual([])
  })

  it('says of every operation who may call it: public ones need no sign-in, the rest a token', () => {
    const operations = operationsOf(document)
    const declared = Object.fromEntries(operations.map((o) => [o.key, o.operation.security]))
    const expected = Object.fromEntries(
      operations.map(({ key }) => [key, NOT_SIGNED_IN[key] ?? SIGNED_IN]),
    )
    expect(declared).toEqual(expected)
  })

  it('gives an error response’s code as the closed set of error codes', () => {
    const { schemas } = document.components
    const error = schemas.Error?.properties as { error: { properties: { code: object } } }
    let code: { enum?: string[]; $ref?: string } = error.error.properties.code
    // The code may be a named component (`ErrorCode`) or written inline.
    if (code.$ref) code = schemas[code.$ref.replace('#/components/schemas/', '')] ?? {}
    expect([...(code.enum ?? [])].sort()).toEqual([...ERROR_CODES].sort())
  })

  it('files every operation under one of the document’s described tags', () => {
    const described = document.tags.filter((tag) => tag.description).map((tag) => tag.name)
    const used = new Set(operationsOf(document).flatMap(({ operation }) => operation.tags ?? ['']))
    expect([...used].filter((tag) => !described.includes(tag))).toEqual([])
  })

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] })
    const problems = await lintFromString({ source: text, absoluteRef: 'openapi.json', config })
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location[0]?.pointer ?? ''})`,
    )
    expect(found).toEqual([])
  })
})

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url))

/** Four operations through the generated types; also run against the live app below. */
const CLIENT = `import createClient from 'openapi-fetch'
import type { paths } from './openapi'

export async function useTheApi(fetch: (request: Request) => Promise<Response>) {
  const client = createClient<paths>({ baseUrl: 'http://localhost', fetch })
  const login = await client.POST('/api/auth/login', {
    body: { email: 'editor@example.org', password: '${PASSWORD}' },
  })
  if (!login.data) throw new Error(login.error.error.code)
  const headers = { authorization: \`Bearer \${login.data.token}\` }
  const created = await client.POST('/api/forms', { headers, body: { title: '生成的客户端' } })
  if (!created.data) throw new Error(created.error.error.code)
  const form = await client.GET('/api/forms/{id}', {
    headers,
    params: { path: { id: String(created.data.id) } },
  })
  const list = await client.GET('/api/forms', { headers, params: { query: { q: '客户端' } } })
  return {
    email: login.data.user.email,
    title: form.data?.title,
    listed: list.data?.items.map((item) => item.title),
  }
}
`

/** The same calls, drifted: a body field and a path the document does not have. */
const DRIFTED = `import createClient from 'openapi-fetch'
import type { paths } from './openapi'

const client = createClient<paths>({ baseUrl: 'http://localhost' })
await client.POST('/api/forms', { body: { titel: '拼错的字段' } })
await client.GET('/api/form/{id}', { params: { path: { id: '1' } } })
`

/** Type-checks one file as a workspace package would (tsconfig.base.json, plus the DOM's fetch). */
function compile(file: string): string[] {
  const base = ts.readConfigFile(join(SERVER_DIR, '../../tsconfig.base.json'), ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(
    { ...base.config, compilerOptions: { ...base.config.compilerOptions, lib: ['ES2023', 'DOM'] } },
    ts.sys,
    SERVER_DIR,
  )
  const program = ts.createProgram([file], { ...options, noEmit: true, types: [] })
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('a typed client generated from /api/openapi.json', () => {
  let f: Fixture
  let dir: string
  beforeAll(async () => {
    f = await createFixture('pglite')
    const document = await (await f.app.request('/api/openapi.json')).text()
    // Inside the server package, so the client resolves its own `openapi-fetch`.
    dir = await mkdtemp(join(SERVER_DIR, '.openapi-client-'))
    await writeFile(join(dir, 'openapi.ts'), astToString(await openapiTS(document)))
    await writeFile(join(dir, 'client.ts'), CLIENT)
    await writeFile(join(dir, 'drifted.ts'), DRIFTED)
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    await f.close()
  })

  it('compiles a client that signs in, creates, reads and lists forms', () => {
    expect(compile(join(dir, 'client.ts'))).toEqual([])
  })

  it('refuses to compile a client whose body field or path drifted from the document', () => {
    const errors = compile(join(dir, 'drifted.ts')).join('\n')
    expect(errors).toContain("'titel'")
    expect(errors).toContain('"/api/form/{id}"')
  })

  it('runs against the live app: the generated types describe what the server answers', async () => {
    const client: { useTheApi: (fetch: (request: Request) => Promise<Response>) => unknown } =
      await import(join(dir, 'client.ts'))
    const result = await client.useTheApi(async (request) => f.app.request(request))
    expect(result).toEqual({
      email: 'editor@example.org',
      title: '生成的客户端',
      listed: ['生成的客户端'],
    })
  })
})
