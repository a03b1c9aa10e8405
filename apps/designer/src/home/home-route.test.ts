import { describe, expect, it } from 'vitest'
import { HOMES, homeOf, NAV_ITEMS, navItemsOf } from './home-route'

const user = (...roles: string[]) => ({
  grants: roles.map((role, i) => ({ role, orgId: i + 1, path: `/1/${i + 1}/` })),
  onPanel: false,
})
const landing = (...roles: string[]) => homeOf(user(...roles))?.path ?? null
const sections = (...roles: string[]) => navItemsOf(user(...roles)).map((item) => item.key)

describe('where each role lands after signing in', () => {
  it('gives every demo role a home that fits it', () => {
    expect(landing('admin')).toBe('/overview')
    expect(landing('secretary')).toBe('/branch')
    expect(landing('assessor')).toBe('/assess')
    expect(landing('editor')).toBe('/forms')
    expect(landing('reviewer')).toBe('/review')
  })

  it('gives a user with several roles the most useful one, whatever the grants’ order', () => {
    expect(landing('reviewer', 'admin')).toBe('/overview')
    expect(landing('editor', 'secretary')).toBe('/branch')
    expect(landing('editor', 'assessor')).toBe('/assess')
    expect(landing('reviewer', 'editor')).toBe('/forms')
    expect(landing('reviewer', 'secretary', 'assessor')).toBe('/branch')
  })

  it('lands an account without a role nowhere it would be refused', () => {
    expect(landing()).toBeNull()
  })

  it('lands a panel member (述职评议) on the units to rate, with or without a role', () => {
    expect(homeOf({ ...user(), onPanel: true })?.path).toBe('/assess')
    expect(homeOf({ ...user('editor'), onPanel: true })?.path).toBe('/assess')
    expect(homeOf({ ...user('secretary'), onPanel: true })?.path).toBe('/branch')
  })

  it('has one home per role, each a section of the header for that role', () => {
    expect(new Set(HOMES.map((h) => h.role)).size).toBe(HOMES.length)
    for (const home of HOMES) {
      const section = NAV_ITEMS.find((item) => item.path === home.path)
      expect(section?.roles, home.role).toContain(home.role)
    }
  })
})

describe('the header’s sections', () => {
  it('show each role only what it can do', () => {
    expect(sections('secretary')).toEqual(['branch', 'campaigns'])
    expect(sections('assessor')).toEqual(['assess', 'campaigns', 'rectifications'])
    expect(sections('reviewer')).toEqual(['forms', 'review'])
    expect(sections('editor')).toEqual(['forms', 'review', 'campaigns', 'rectifications'])
    expect(sections('admin')).toEqual([
      'overview',
      'assess',
      'forms',
      'campaigns',
      'rectifications',
      'admin',
    ])
    expect(sections()).toEqual([])
    // A panel member rates units (考评任务), whatever roles they hold, and sees nothing more.
    expect(navItemsOf({ ...user(), onPanel: true }).map((item) => item.key)).toEqual(['assess'])
    expect(navItemsOf({ ...user('reviewer'), onPanel: true }).map((item) => item.key)).toEqual([
      'assess',
      'forms',
      'review',
    ])
  })

  it('join the sections of every role a user holds, once each', () => {
    expect(sections('secretary', 'editor', 'editor')).toEqual([
      'branch',
      'forms',
      'review',
      'campaigns',
      'rectifications',
    ])
  })
})
