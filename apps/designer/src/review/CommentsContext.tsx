import { createContext, type ReactNode, useContext } from 'react'
import { type Comments, useCommentThreads } from './useCommentThreads'

const CommentsContext = createContext<Comments | null>(null)

/** Keeps one form's review threads for everything in the editor that shows them. */
export function CommentsProvider({ formId, children }: { formId: number; children: ReactNode }) {
  const comments = useCommentThreads(formId)
  return <CommentsContext.Provider value={comments}>{children}</CommentsContext.Provider>
}

/** The form's review threads; only inside `CommentsProvider` (the editor). */
export function useComments(): Comments {
  const value = useContext(CommentsContext)
  if (!value) throw new Error('useComments outside CommentsProvider')
  return value
}

/**
 * The number of open review threads on an element (0 outside the editor): the hook a tree row
 * calls to show a badge.
 *
 * @example
 * const open = useOpenCommentCount(node.id)
 * open > 0 && <span className="comment-badge">{open}</span>
 */
export function useOpenCommentCount(elementId: string): number {
  return useContext(CommentsContext)?.counts.get(elementId) ?? 0
}
