/**
 * The first `base1`, `base2`, … not in `taken` (and, when given, whose follow-up names are free
 * too): question names must be unique in a form.
 *
 * @example
 * uniqueName('question', new Set(['question1'])) // 'question2'
 * uniqueName('item', new Set(['item1_problem']), ['_problem']) // 'item2'
 */
export function uniqueName(
  base: string,
  taken: ReadonlySet<string>,
  suffixes: readonly string[] = [],
): string {
  for (let n = 1; ; n++) {
    const name = `${base}${n}`
    if (!taken.has(name) && suffixes.every((s) => !taken.has(`${name}${s}`))) return name
  }
}
