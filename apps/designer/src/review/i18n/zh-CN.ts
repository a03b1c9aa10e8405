/**
 * The strings of review comments, publishing and version history in Simplified Chinese, spread
 * into the designer's table.
 */
export const reviewZhCN = {
  'editor.tab.comments': '评审意见',
  'comments.label': '评审意见',
  'comments.empty': '还没有评审意见',
  'comments.openCount': '{n} 条未解决',
  'comments.showResolved': '显示已解决',
  'comments.on': '对“{name}”的意见',
  'comments.new': '新意见',
  'comments.newPlaceholder': '写下对所选题目的意见…',
  'comments.pickElement': '先在左侧选中一个页面、面板或题目，再发表意见。',
  'comments.post': '发表',
  'comments.reply': '回复',
  'comments.replyLabel': '回复 {author}',
  'comments.replyPlaceholder': '写下回复…',
  'comments.send': '发送',
  'comments.resolve': '标记已解决',
  'comments.reopen': '重新打开',
  'comments.resolved': '已解决（{name}）',
  'comments.orphaned': '所评元素已被删除',
  'comments.element': '选中“{name}”',
  'comments.by': '{author} · {time}',
  'comments.failed': '操作失败：{message}',
  'comments.archived': '表单已归档，不能再发表意见。',
  // Publishing and version history.
  'publish.noteRequired': '必填：说明这一版改了什么，供查看版本历史的人了解。',
  'publish.moreIssues': '……另有 {n} 个，见“校验”页',
  'versions.compareAny': '比较任意两个版本',
  'versions.from': '从',
  'versions.to': '到',
  'versions.current': '当前（未发布）',
  'versions.showDiff': '显示差异',
} as const
