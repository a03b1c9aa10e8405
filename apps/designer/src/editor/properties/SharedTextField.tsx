import { editText } from '@yardstick/doc'
import { useCallback, useId, useLayoutEffect, useRef } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { samePeers, useEditor, usePeersSelect } from '../EditorContext'
import { diffText, moveCaret } from '../text-diff'
import type { TextLocale } from './text-value'

/** Props of `SharedTextField`. */
export interface SharedTextFieldProps {
  /** The node or item id (`ROOT` for the form). */
  target: string
  /** The text property: `title`, `description`, `text`, `html`… */
  field: string
  locale: TextLocale
  /** The current text, from the view. */
  value: string
  label: string
  multiline?: boolean
  lang?: string
  /** Label for screen readers only (in tables, where the column says it). */
  hideLabel?: boolean
}

/**
 * An input bound to one locale of a shared text (SPEC [DOC11]): each change goes out as one
 * `editText` splice, so two people typing in one title keep every character; someone else's
 * typing arrives without moving this editor's caret. While an input method composes (pinyin),
 * nothing is sent or replaced until the composition ends. Shows who else is typing here.
 */
export function SharedTextField({
  target,
  field,
  locale,
  value,
  label,
  multiline = false,
  lang,
  hideLabel = false,
}: SharedTextFieldProps) {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const id = useId()
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const shown = useRef(value)
  const latest = useRef(value)
  const composing = useRef(false)
  latest.current = value

  const reconcile = useCallback(() => {
    const element = ref.current
    if (!element || composing.current) return
    const next = latest.current
    if (element.value === next) {
      shown.current = next
      return
    }
    const change = diffText(element.value, next)
    const focused = document.activeElement === element
    const start = element.selectionStart
    const end = element.selectionEnd
    element.value = next
    shown.current = next
    if (focused && change && start !== null && end !== null) {
      element.setSelectionRange(moveCaret(start, change), moveCaret(end, change))
    }
  }, [])

  useLayoutEffect(reconcile, [value, reconcile])

  const send = () => {
    const element = ref.current
    if (!element || composing.current) return
    const change = diffText(shown.current, element.value)
    shown.current = element.value
    if (change) editText(session.doc, { target, key: field, locale, ...change }, session.origin)
  }

  const others = usePeersSelect(
    (peers) =>
      peers.filter(
        (p) =>
          !p.local &&
          p.editing?.elementId === target &&
          p.editing.field === field &&
          (p.editing.locale ?? 'default') === locale,
      ),
    samePeers,
  )
  const color = others[0]?.user.color
  const common = {
    id,
    ref,
    defaultValue: value,
    lang,
    readOnly: !canWrite,
    'data-field': `${field}:${locale}`,
    // The browser's history of typed values would cover the panel with suggestions.
    autoComplete: 'off',
    className: color ? 'peer-editing' : undefined,
    style: color ? { outlineColor: color, borderColor: color } : undefined,
    onInput: send,
    onCompositionStart: () => {
      composing.current = true
    },
    onCompositionEnd: () => {
      composing.current = false
      send()
      reconcile()
    },
    onFocus: () => session.setEditing({ elementId: target, field, locale }),
    onBlur: () => session.setEditing(null),
  }
  return (
    // A form of its own: Chromium's autofill reads the whole form a typed-in control belongs to
    // after every keystroke, and a control outside any form belongs to one made of every other
    // such control in the page (≈ 1.4 ms a keystroke measured with the property panel's 89).
    // Nothing is submitted: the edit is already in the shared document.
    <form className="field shared-text" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {others.length > 0 && (
        <span className="peer-typing" style={{ color }}>
          {t('presence.editing', { name: others.map((p) => p.user.name).join('、') })}
        </span>
      )}
    </form>
  )
}
