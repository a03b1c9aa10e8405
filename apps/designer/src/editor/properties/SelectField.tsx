import { memo, useId } from 'react'
import { useEditor } from '../EditorContext'

/** A choice among options, written as soon as it changes; '' stands for none. */
export function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string
  value: string
  options: ReadonlyArray<{ value: string; label: string }>
  onChange: (value: string) => void
}) {
  const { canWrite } = useEditor()
  const id = useId()
  const known = options.some((o) => o.value === value)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={!canWrite} onChange={(e) => onChange(e.target.value)}>
        {!known && <option value={value}>{value}</option>}
        <OptionList options={options} />
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
