/** Every page and element object of a rendered form, depth first, in order. */
export function allNodes(json: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return
    for (const node of list) {
      if (typeof node !== 'object' || node === null) continue
      const object = node as Record<string, unknown>
      out.push(object)
      visit(object.elements)
      visit(object.templateElements)
    }
  }
  visit(json.pages)
  visit(json.elements)
  return out
}

/** The names of every page and element, depth first. */
export function allNames(json: Record<string, unknown>): unknown[] {
  return allNodes(json).map((node) => node.name)
}

/** Where the element named `name` sits: the name of its parent (page or panel), or null. */
export function parentName(json: Record<string, unknown>, name: string): unknown {
  for (const node of allNodes(json)) {
    const children = [
      ...(Array.isArray(node.elements) ? node.elements : []),
      ...(Array.isArray(node.templateElements) ? node.templateElements : []),
    ] as Record<string, unknown>[]
    if (children.some((child) => child.name === name)) return node.name
  }
  return null
}
