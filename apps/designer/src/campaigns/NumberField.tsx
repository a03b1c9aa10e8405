import { FieldIssue } from './FieldIssue'

/**
 * A labelled number input with its issue beside it (the input points to it): numbers stay as
 * typed, so a half-typed value is kept and the server or the SDK says what is wrong with it.
 */
export function NumberField({
  id,
  label,
  value,
  issue,
  disabled,
  step = 'any',
  min = 0,
  max,
  className,
  onChange,
}: {
  id: string
  label: string
  value: string
  issue: string | undefined
  disabled?: boolean
  step?: number | 'any'
  min?: number
  max?: number
  className?: string
  onChange: (value: string) => void
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-invalid={issue !== undefined}
        aria-describedby={`${id}-issue`}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldIssue id={`${id}-issue`} message={issue} />
    </div>
  )
}
