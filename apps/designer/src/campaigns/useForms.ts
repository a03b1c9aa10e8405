import type { FormSummary, Page, VersionSummary } from '../api/types'
import { useApi } from '../api/useApi'
import { type Resource, useResource } from '../api/useResource'

/** The published forms the user reads (those with a version), newest first. */
export function usePublishedForms(): Resource<FormSummary[]> {
  const api = useApi()
  return useResource('published-forms', async (signal) => {
    const page = await api<Page<FormSummary>>('/api/forms?limit=100', { signal })
    return page.items.filter((form) => form.latestVersion !== null)
  })
}

/** A form's published versions, newest first (none while no form is chosen). */
export function useVersions(formId: number | null): Resource<VersionSummary[]> {
  const api = useApi()
  return useResource(`versions:${formId}`, async (signal) => {
    if (formId === null) return []
    const page = await api<Page<VersionSummary>>(`/api/forms/${formId}/versions?limit=100`, {
      signal,
    })
    return page.items
  })
}
