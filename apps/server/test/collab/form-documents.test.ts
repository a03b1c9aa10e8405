import { testStores } from '@yardstick/db/testing'
import { editText, findElementId, toSurveyJson } from '@yardstick/doc'
import { type FormJson, templates } from '@yardstick/sdk'
import { describe, expect, it } from 'vitest'
import { connect, eventually, synced, useCollabSuite } from './collab-harness'

describe.each(await testStores())('forms and their co-edited documents on %s', (kind) => {
  const t = useCollabSuite(kind)
  const { api } = t
  const open = (formId: number) => {
    const client = connect(t.server.wsUrl, formId, t.token)
    t.providers.push(client.provider)
    return client
  }

  it('[COL19] seeds a template into the document once, on the server, however many editors open it together', async () => {
    const { body } = await api('POST', '/api/forms', {
      title: '满意度测评',
      template: 'satisfaction',
    })
    const clients = Array.from({ length: 4 }, () => open(body.id))
    await Promise.all(clients.map((c) => synced(c.provider)))
    const expected = { ...templates.satisfaction, title: '满意度测评' }
    for (const c of clients) expect(toSurveyJson(c.doc)).toEqual(expected)
  })

  it('[COL20] publishes what the editors see: the live document, not a stale copy', async () => {
    const { body } = await api('POST', '/api/forms', { title: '自检表', template: 'selfCheck' })
    const a = open(body.id)
    await synced(a.provider)
    const question = findElementId(a.doc, 'theoryStudy') as string
    const edit = { target: question, key: 'title', locale: 'default', index: 0, insert: '【新】' }
    expect(editText(a.doc, edit, 'a')).toBe(true)
    await eventually(async () => {
      const form = await api('GET', `/api/forms/${body.id}`)
      expect(JSON.stringify(form.body.json)).toContain('【新】')
    })
    const published = await api('POST', `/api/forms/${body.id}/publish`, { note: '协同编辑后发布' })
    expect(published.status).toBe(201)
    const version = await api('GET', `/api/forms/${body.id}/versions/${published.body.version}`)
    expect(JSON.stringify(version.body.json)).toContain('【新】')
  })

  it('[COL21] restores an old version as one new edit every connected editor sees', async () => {
    const { body } = await api('POST', '/api/forms', { title: '考评表', template: 'scorecard' })
    const v1 = await api('POST', `/api/forms/${body.id}/publish`, { note: 'v1' })
    const a = open(body.id)
    const b = open(body.id)
    await Promise.all([synced(a.provider), synced(b.provider)])
    const changed: FormJson = { ...(toSurveyJson(a.doc) as FormJson), description: '第二版说明' }
    const v2 = await api('POST', `/api/forms/${body.id}/publish`, { note: 'v2', json: changed })
    expect(v2.status).toBe(201)
    await eventually(() => expect((toSurveyJson(b.doc) as FormJson).description).toBe('第二版说明'))
    const restored = await api('POST', `/api/forms/${body.id}/versions/${v1.body.version}/restore`)
    expect(restored).toEqual({ status: 200, body: { restored: v1.body.version } })
    const original = (await api('GET', `/api/forms/${body.id}/versions/${v1.body.version}`)).body
      .json
    await eventually(() => {
      expect(toSurveyJson(a.doc)).toEqual(original)
      expect(toSurveyJson(b.doc)).toEqual(original)
    })
    // History is kept: both versions are still there, and a restore publishes nothing itself.
    const versions = await api('GET', `/api/forms/${body.id}/versions`)
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1])
  })
})
