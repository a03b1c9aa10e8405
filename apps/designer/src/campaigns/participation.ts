import type { SourceParticipation, UnitParticipation } from '../api/campaign-office'
import type { CampaignSource } from '../api/types'
import type { Translate } from '../i18n/translate'
import { sourceName } from './source-name'

/**
 * A branch's progress with one source as people read it: `1 / 3`, or just the count when there
 * is no target.
 *
 * @example
 * progressText({ answered: 1, expected: 3, … }) // '1 / 3'
 */
export function progressText({ answered, expected }: SourceParticipation): string {
  return expected === null ? String(answered) : `${answered} / ${expected}`
}

/**
 * The reminder list to paste in a chat group: one line per branch and source still owed, with
 * the branch (and its sub-committee), the source, the progress and the URL to open.
 *
 * @example
 * reminderText(items, ['members'], t, useSourceName(campaign.sources))
 * // '第一分工委 第一党支部：党员群众测评 1 / 3 https://…/s/q8Xr…'
 */
export function reminderText(
  units: readonly UnitParticipation[],
  sources: ReadonlyArray<CampaignSource['key']>,
  t: Translate,
  nameOf: (key: string) => string = (key) => sourceName(t, key),
): string {
  const lines: string[] = []
  for (const unit of units) {
    for (const key of sources) {
      const entry = unit.sources[key]
      if (!entry || entry.status === 'complete') continue
      const where = unit.parentName ? `${unit.parentName} ${unit.name}` : unit.name
      lines.push(
        t('office.reminderLine', {
          unit: where,
          source: nameOf(key),
          progress: progressText(entry),
          url: entry.url,
        }),
      )
    }
  }
  return lines.join('\n')
}
