import { memo, useId } from 'react'
import { useEditor } from '../EditorContext'
import { useOptionsOnDemand } from './options-on-demand'

/** A choice among options, written as soon as it changes; '' stands for none. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  hideLabel = false,
}: {
  label: string
  value: string
  options: ReadonlyArray<{ value: string; label: string }>
  onChange: (value: string) => void
  /** Label for screen readers only (in tables, where the column says it). */
  hideLabel?: boolean
}) {
  const { canWrite } = useEditor()
  const id = useId()
  const chosen = options.find((o) => o.value === value)
  const { complete, reach } = useOptionsOnDemand(options.length)
  return (
    <div className="field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={!canWrite}
        onChange={(e) => onChange(e.target.value)}
        {...reach}
      >
        {!chosen && <option value={value}>{value}</option>}
        {complete ? (
          <OptionList options={options} />
        ) : (
          chosen && <option value={chosen.value}>{chosen.label}</option>
        )}
      </select>
    </div>
  )
}

type Options = ReadonlyArray<{ value: string; label: string }>

/** The options, skipped by React while the array is the same one (pickers list 500 questions). */
const OptionList = memo(function OptionList({ options }: { options: Options }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ))
})
