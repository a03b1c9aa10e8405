import { describe, expect, it } from 'vitest'
import { parseRoute } from '../router'
import { ADMIN_PAGES } from './AdminNav'

describe('the admin’s and the account’s addresses', () => {
  it('open their screens, with or without a trailing slash', () => {
    expect(parseRoute('/admin/orgs')).toEqual({ page: 'adminOrgs' })
    expect(parseRoute('/admin/orgs/import/')).toEqual({ page: 'orgImport' })
    expect(parseRoute('/admin/users')).toEqual({ page: 'adminUsers' })
    expect(parseRoute('/admin/users/import')).toEqual({ page: 'peopleImport' })
    expect(parseRoute('/admin/audit')).toEqual({ page: 'audit' })
    expect(parseRoute('/account/password/')).toEqual({ page: 'password' })
  })

  it('give every tab of 系统管理 a screen, and nothing else under /admin', () => {
    for (const { path } of ADMIN_PAGES) expect(parseRoute(path).page, path).not.toBe('notFound')
    expect(parseRoute('/admin')).toEqual({ page: 'notFound' })
    expect(parseRoute('/admin/orgs/7')).toEqual({ page: 'notFound' })
  })
})
