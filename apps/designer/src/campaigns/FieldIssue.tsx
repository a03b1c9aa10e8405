/** Field paths → messages: the server's `details.issues` and the SDK's policy error, together. */
export type Issues = Readonly<Record<string, string>>

/**
 * The message for a field: its own path, or the first issue under it (`units` shows
 * `units.subtree`).
 *
 * @example
 * issueAt({ 'sources.members.weight': 'Expected number' }, 'sources.members.weight')
 */
export function issueAt(issues: Issues, path: string): string | undefined {
  if (issues[path] !== undefined) return issues[path]
  const key = Object.keys(issues).find((p) => p.startsWith(`${path}.`))
  return key === undefined ? undefined : issues[key]
}

/** The message shown next to a field (the field points to it with `aria-describedby`). */
export function FieldIssue({ id, message }: { id: string; message: string | undefined }) {
  if (message === undefined) return null
  return (
    <span id={id} className="field-issue error" role="alert">
      {message}
    </span>
  )
}
