import { useEditor } from '../EditorContext'

/** A boolean property, written as soon as it is toggled. */
export function CheckField({
  label,
  checked,
  onChange,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const { canWrite } = useEditor()
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={!canWrite}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  )
}
