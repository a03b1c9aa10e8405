import type { SurveyModel } from 'survey-core'

const PREFIX = 'yardstick:draft:'

/** The few methods of `Storage` a draft uses. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

/**
 * Keeps the answers typed so far on this device until they are submitted, so a reload (WeChat
 * reloads pages it put in the background) or a dropped connection loses nothing: restored into
 * an empty form, saved on every change, cleared once the server has the response. Storage that
 * refuses leaves the form as it is.
 *
 * @param key one per link and token (`server|slug|token`)
 * @returns `clear`, to call once the response is stored
 * @example
 * const draft = keepDraft(model, `${origin}|${slug}|${token ?? ''}`, localStorage)
 * // …after onSubmitted:
 * draft.clear()
 */
export function keepDraft(
  model: SurveyModel,
  key: string,
  storage: DraftStorage | null,
): { clear: () => void } {
  const name = `${PREFIX}${key}`
  // Typed text counts as answered as it is typed, not when the field loses the focus: WeChat
  // may kill the page in the middle of a sentence.
  model.textUpdateMode = 'onTyping'
  const saved = read(storage, name)
  // Answers saved for sending (the link client's own queue) were merged already: they win.
  if (saved && Object.keys(model.data).length === 0) model.mergeData(saved)
  const save = () => {
    try {
      storage?.setItem(name, JSON.stringify(model.data))
    } catch {
      // Quota or private mode: the form keeps working, without a draft.
    }
  }
  model.onValueChanged.add(save)
  return {
    clear() {
      model.onValueChanged.remove(save)
      try {
        storage?.removeItem(name)
      } catch {
        // Nothing saved to clear.
      }
    },
  }
}

function read(storage: DraftStorage | null, name: string): Record<string, unknown> | null {
  try {
    const raw = storage?.getItem(name)
    const value: unknown = raw ? JSON.parse(raw) : null
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
