import type { reviewZhCN } from './zh-CN'

/** The review comments' strings in English. */
export const reviewEn: Record<keyof typeof reviewZhCN, string> = {
  'editor.tab.comments': 'Comments',
  'comments.label': 'Review comments',
  'comments.empty': 'No comments yet',
  'comments.openCount': '{n} open',
  'comments.showResolved': 'Show resolved',
  'comments.on': 'Comments on “{name}”',
  'comments.new': 'New comment',
  'comments.newPlaceholder': 'Your comment on the selected element…',
  'comments.pickElement': 'Select a page, panel or question on the left to comment on it.',
  'comments.post': 'Comment',
  'comments.reply': 'Reply',
  'comments.replyLabel': 'Reply to {author}',
  'comments.replyPlaceholder': 'Your reply…',
  'comments.send': 'Send',
  'comments.resolve': 'Resolve',
  'comments.reopen': 'Reopen',
  'comments.resolved': 'Resolved ({name})',
  'comments.orphaned': 'The element was deleted',
  'comments.element': 'Select “{name}”',
  'comments.by': '{author} · {time}',
  'comments.failed': 'Failed: {message}',
  'comments.archived': 'The form is archived: no new comments.',
} as const
