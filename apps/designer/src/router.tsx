import { type MouseEvent, type ReactNode, useEffect, useState } from 'react'

/** A page of the designer, from the address bar. */
export type Route =
  | { page: 'home' }
  | { page: 'forms' }
  | { page: 'overview' }
  | { page: 'review' }
  | { page: 'rectifications' }
  | { page: 'rectification'; id: number }
  | { page: 'editor'; formId: number }
  | { page: 'campaigns' }
  | { page: 'results'; campaignId: number }
  | { page: 'newCampaign' }
  | { page: 'campaignAdmin'; campaignId: number }
  | { page: 'campaignSettings'; campaignId: number }
  | { page: 'participation'; campaignId: number }
  | { page: 'linkSheet'; campaignId: number }
  | { page: 'report'; campaignId: number }
  | { page: 'blankForm'; formId: number; version: number }
  | { page: 'unitDetail'; campaignId: number; unitId: number }
  | { page: 'branch' }
  | { page: 'selfCheck'; campaignId: number; unitId: number }
  | { page: 'assess' }
  | { page: 'adminOrgs' }
  | { page: 'orgImport' }
  | { page: 'adminUsers' }
  | { page: 'peopleImport' }
  | { page: 'audit' }
  | { page: 'password' }
  | { page: 'notFound' }

// The admin's screens and one's own account: paths without parameters.
const FIXED_PAGES: Partial<
  Record<string, 'adminOrgs' | 'orgImport' | 'adminUsers' | 'peopleImport' | 'audit' | 'password'>
> = {
  '/admin/orgs': 'adminOrgs',
  '/admin/orgs/import': 'orgImport',
  '/admin/users': 'adminUsers',
  '/admin/users/import': 'peopleImport',
  '/admin/audit': 'audit',
  '/account/password': 'password',
}

/**
 * Reads a path into a route.
 *
 * @example
 * parseRoute('/forms/12') // { page: 'editor', formId: 12 }
 */
export function parseRoute(path: string): Route {
  // `/` is each user's own home (home/home-route.ts), which it forwards to.
  if (path === '/' || path === '') return { page: 'home' }
  if (path === '/forms' || path === '/forms/') return { page: 'forms' }
  if (path === '/overview' || path === '/overview/') return { page: 'overview' }
  if (path === '/review' || path === '/review/') return { page: 'review' }
  if (path === '/rectifications' || path === '/rectifications/') return { page: 'rectifications' }
  const rectification = /^\/branch\/rectifications\/(\d+)\/?$/.exec(path)
  if (rectification) return { page: 'rectification', id: Number(rectification[1]) }
  if (path === '/campaigns') return { page: 'campaigns' }
  if (path === '/campaigns/new' || path === '/campaigns/new/') return { page: 'newCampaign' }
  const admin = /^\/campaigns\/(\d+)\/admin\/?$/.exec(path)
  if (admin) return { page: 'campaignAdmin', campaignId: Number(admin[1]) }
  const office = /^\/campaigns\/(\d+)\/(settings|participation|links\/print|report)\/?$/.exec(path)
  if (office) {
    const pages = {
      settings: 'campaignSettings',
      participation: 'participation',
      'links/print': 'linkSheet',
      report: 'report',
    } as const
    return { page: pages[office[2] as keyof typeof pages], campaignId: Number(office[1]) }
  }
  const unit = /^\/campaigns\/(\d+)\/units\/(\d+)\/?$/.exec(path)
  if (unit) return { page: 'unitDetail', campaignId: Number(unit[1]), unitId: Number(unit[2]) }
  const blankForm = /^\/forms\/(\d+)\/versions\/(\d+)\/print\/?$/.exec(path)
  if (blankForm) {
    return { page: 'blankForm', formId: Number(blankForm[1]), version: Number(blankForm[2]) }
  }
  const form = /^\/forms\/(\d+)\/?$/.exec(path)
  if (form) return { page: 'editor', formId: Number(form[1]) }
  if (path === '/branch' || path === '/branch/') return { page: 'branch' }
  if (path === '/assess' || path === '/assess/') return { page: 'assess' }
  const selfCheck = /^\/branch\/campaigns\/(\d+)\/units\/(\d+)\/?$/.exec(path)
  if (selfCheck) {
    return { page: 'selfCheck', campaignId: Number(selfCheck[1]), unitId: Number(selfCheck[2]) }
  }
  const fixed = FIXED_PAGES[path.replace(/(.)\/$/, '$1')]
  if (fixed) return { page: fixed }
  const campaign = /^\/campaigns\/(\d+)\/?$/.exec(path)
  if (campaign) return { page: 'results', campaignId: Number(campaign[1]) }
  return { page: 'notFound' }
}

/**
 * Goes to a path inside the app (history API; the server answers every path with the app);
 * `replace` takes the current entry's place (a forward from `/` leaves no step back to it).
 */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === location.pathname) return
  if (replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  window.dispatchEvent(new PopStateEvent('popstate'))
}

/** The current route; follows back/forward and `navigate`. */
export function useRoute(): Route {
  const [path, setPath] = useState(() => location.pathname)
  useEffect(() => {
    const update = () => setPath(location.pathname)
    window.addEventListener('popstate', update)
    // A child may have navigated in its own effect, which runs before this one subscribes.
    update()
    return () => window.removeEventListener('popstate', update)
  }, [])
  return parseRoute(path)
}

/** A link that navigates inside the app (and still opens in a new tab with a modifier). */
export function Link({
  to,
  children,
  className,
  ...rest
}: {
  to: string
  children: ReactNode
  className?: string
  'aria-current'?: 'page' | undefined
}) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return
    event.preventDefault()
    navigate(to)
  }
  return (
    <a href={to} onClick={onClick} className={className} {...rest}>
      {children}
    </a>
  )
}
