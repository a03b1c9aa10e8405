import type { ElementJson, FormJson, PageJson } from '../types'
import { type ZhEnText, zhEn } from './shared'

/**
 * The items of a problem-list entry (问题清单), in the order the branch fills them: what is
 * wrong, how it will be fixed, who answers for it and by when. Every one is required: a
 * rectification is tracked by its measure, owner and deadline.
 *
 * @example
 * PROBLEM_ENTRY_ITEMS.map((i) => i.name) // ['description', 'measure', 'owner', 'deadline']
 */
export const PROBLEM_ENTRY_ITEMS = [
  { name: 'description', title: zhEn('问题描述', 'Problem description') },
  { name: 'measure', title: zhEn('整改措施', 'Rectification measure') },
  { name: 'owner', title: zhEn('责任人', 'Person responsible') },
  { name: 'deadline', title: zhEn('整改时限', 'Deadline'), inputType: 'date' },
] as const satisfies ReadonlyArray<{ name: string; title: ZhEnText; inputType?: string }>
/** The name of one item of a problem-list entry. */
export type ProblemEntryItem = (typeof PROBLEM_ENTRY_ITEMS)[number]['name']

const ENTRY_TITLE = zhEn(
  '问题清单：请填写存在的问题和整改措施',
  'Problem list: describe the problem and how it will be rectified',
)

/**
 * The name of the problem-list entry that follows a self-check item.
 *
 * @example
 * problemEntryName('partyDues') // 'partyDues_problem'
 */
export function problemEntryName(item: string): string {
  return `${item}_problem`
}

/**
 * The problem-list entry a "no" opens (问题清单): a required multiple-text question shown only
 * while the item's answer is `no`, whose items — 问题描述, 整改措施, 责任人, 整改时限 (a date) —
 * are each required. The one definition of the entry: `selfCheckItem` (the item block the
 * builder, the self-check template and the designer's toolbox use) follows each item with it.
 * Every call returns new objects.
 *
 * @param item the name of the yes/no item it follows
 * @example
 * problemEntry('partyDues').visibleIf // "{partyDues} = 'no'"
 */
export function problemEntry(item: string): ElementJson {
  return {
    type: 'multipletext',
    name: problemEntryName(item),
    title: { ...ENTRY_TITLE },
    problemOf: item,
    visibleIf: `{${item}} = 'no'`,
    isRequired: true,
    items: PROBLEM_ENTRY_ITEMS.map((entry) => ({
      name: entry.name,
      title: { ...entry.title },
      ...('inputType' in entry ? { inputType: entry.inputType } : {}),
      isRequired: true,
    })),
  }
}

/**
 * A self-check form with each item that can open a problem (a choice with `problem: true`)
 * followed by its `problemEntry`, unless the form already has one for it: for a form written
 * by hand or imported (a form built with `selfCheckItem` has its entries already).
 *
 * @param form the form with its yes/no items (not changed)
 * @example
 * withProblemEntries({ pages: [{ elements: [item] }] }).pages[0].elements // [item, entry]
 */
export function withProblemEntries(form: FormJson): FormJson {
  const present = new Set<string>()
  const collect = (elements: ElementJson[]): void => {
    for (const element of elements) {
      if (typeof element.problemOf === 'string') present.add(element.problemOf)
      if (element.elements) collect(element.elements)
    }
  }
  const complete = (elements: ElementJson[]): ElementJson[] =>
    elements.flatMap((element) => {
      const copy = element.elements ? { ...element, elements: complete(element.elements) } : element
      return opensProblem(element) && !present.has(element.name)
        ? [copy, problemEntry(element.name)]
        : [copy]
    })
  const containers: Array<PageJson | FormJson> = [...(form.pages ?? []), form]
  for (const container of containers) if (container.elements) collect(container.elements)
  const result: FormJson = { ...form }
  if (form.pages) {
    result.pages = form.pages.map((page) =>
      page.elements ? { ...page, elements: complete(page.elements) } : page,
    )
  }
  if (form.elements) result.elements = complete(form.elements)
  return result
}

function opensProblem(element: ElementJson): boolean {
  return (element.choices ?? []).some(
    (choice) => typeof choice === 'object' && choice !== null && choice.problem === true,
  )
}
