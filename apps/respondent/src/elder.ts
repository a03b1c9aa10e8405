const KEY = 'yardstick:respondent:elder'

/**
 * Whether the page opens in 长辈版 (the elder mode: larger text and controls, one question per
 * page): as chosen last time on this device, off on a first visit. Storage that refuses reads
 * as off.
 *
 * @example
 * initialElder(localStorage) // false on a first visit
 */
export function initialElder(storage: Storage | null): boolean {
  try {
    return storage?.getItem(KEY) === 'on'
  } catch {
    return false
  }
}

/**
 * Remembers the 长辈版 choice on this device (a member switches it on once, not on every link);
 * storage that refuses keeps it for this visit.
 *
 * @example
 * rememberElder(true, localStorage)
 */
export function rememberElder(on: boolean, storage: Storage | null): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off')
  } catch {
    // Kept for this visit only.
  }
}
