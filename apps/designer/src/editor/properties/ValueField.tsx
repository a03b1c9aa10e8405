import { type KeyboardEvent, useId, useState } from 'react'
import { useEditor } from '../EditorContext'

/** Props of `ValueField`. */
export interface ValueFieldProps {
  label: string
  /** The value in the document (a number field shows '' for none). */
  value: string | number | undefined
  /** Called with the new value when the field is left or Enter pressed; '' means none. */
  onCommit: (value: string) => void
  type?: 'text' | 'number'
  placeholder?: string
  hint?: string
  mono?: boolean
  min?: number
  step?: number
  /** Shown but not editable. */
  readOnly?: boolean
  /** Label for screen readers only (in tables, where the column says it). */
  hideLabel?: boolean
}

/**
 * A plain (last-writer-wins) property: typed into a draft, written to the document once when
 * the field is left or Enter is pressed; shows what the document holds otherwise.
 */
export function ValueField({
  label,
  value,
  onCommit,
  type = 'text',
  placeholder,
  hint,
  mono = false,
  min,
  step,
  readOnly = false,
  hideLabel = false,
}: ValueFieldProps) {
  const { canWrite } = useEditor()
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? (value === undefined ? '' : String(value))
  const commit = () => {
    if (draft !== null && draft !== (value === undefined ? '' : String(value))) onCommit(draft)
    setDraft(null)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit()
    } else if (event.key === 'Escape') setDraft(null)
  }
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={shown}
        placeholder={placeholder}
        className={mono ? 'mono' : undefined}
        min={min}
        step={step}
        readOnly={readOnly || !canWrite}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
    </div>
  )
}

/** A number from a field's text: undefined for empty or not a number. */
export function numberOrNone(text: string): number | undefined {
  if (text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) ? n : undefined
}
