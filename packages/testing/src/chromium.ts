import { existsSync } from 'node:fs'
import { availableOrSkip } from './available'

/** Debian's Chromium, which the browser tests drive (no browser downloads; `.ci/run` installs it). */
export const CHROMIUM = '/usr/bin/chromium'

/** How the browser tests launch it: headless, and as root in a container (no sandbox). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
]

/**
 * Whether the browser tests named `name` can run here; in CI a missing Chromium is an error, not a
 * skip (availableOrSkip).
 *
 * @example
 * describe.skipIf(!chromiumAvailable('portal-embed'))('a portal page …', () => { … })
 * browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
 */
export function chromiumAvailable(name: string): boolean {
  return availableOrSkip({
    available: existsSync(CHROMIUM),
    missing: `${CHROMIUM} is missing (apt-get install -y chromium)`,
    skipped: `${name} SKIPPED`,
  })
}
