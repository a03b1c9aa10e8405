import { useMemo } from 'react'

/**
 * A link that downloads a CSV holding only a header row (UTF-8 with a BOM, so Excel opens the
 * Chinese headings right): where an office starts its spreadsheet.
 */
export function TemplateLink({
  name,
  header,
  label,
}: {
  name: string
  header: readonly string[]
  label: string
}) {
  const href = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${header.join(',')}\r\n`)}`,
    [header.join(',')],
  )
  return (
    <a className="button" href={href} download={name}>
      {label}
    </a>
  )
}
