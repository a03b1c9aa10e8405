import type { ElementJson, FormJson, PageJson } from './types'

/** A page or panel that holds elements, as met while walking a form. */
export type Container = PageJson | ElementJson

/** Where an element sits: its JSON path and the containers (page first) around it. */
export interface ElementSite {
  element: ElementJson
  path: string
  ancestors: Container[]
}

/** The pages of a form; a form with top-level `elements` is one unnamed page (as SurveyJS reads it). */
export function formPages(form: FormJson): Array<{ page: PageJson; path: string }> {
  if (Array.isArray(form.pages)) return form.pages.map((page, i) => ({ page, path: `pages[${i}]` }))
  if (Array.isArray(form.elements)) return [{ page: { elements: form.elements }, path: '' }]
  // SurveyJS still reads the old `questions` list of a one-page form as its elements.
  if (Array.isArray(form.questions)) return [{ page: { questions: form.questions }, path: '' }]
  return []
}

/**
 * Every element of a form (questions and panels, nested) in document order, with its path in
 * the lint format SurveyJS uses (`pages[0].elements[3].elements[1]`).
 */
export function walkElements(form: FormJson): ElementSite[] {
  const sites: ElementSite[] = []
  const visit = (container: Container, path: string, ancestors: Container[]): void => {
    // SurveyJS still reads a page's or panel's old `questions` list as its elements.
    const key = Array.isArray(container.elements) ? 'elements' : 'questions'
    const elements = container[key]
    if (!Array.isArray(elements)) return
    const inside = [...ancestors, container]
    elements.forEach((element: ElementJson, i) => {
      if (!element || typeof element !== 'object') return
      const elementPath = `${path ? `${path}.` : ''}${key}[${i}]`
      sites.push({ element, path: elementPath, ancestors: inside })
      if (isPanel(element)) visit(element, elementPath, inside)
    })
  }
  for (const { page, path } of formPages(form)) visit(page, path, [])
  return sites
}

/** Panels hold elements; everything else with a name is a question. */
export function isPanel(element: ElementJson): boolean {
  return element.type === 'panel'
}
