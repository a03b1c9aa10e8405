/** The paste-a-form dialog (文本导入, issue 19), in Simplified Chinese. */
export const textImportZhCN = {
  'textImport.button': '从文本导入',
  'textImport.title': '从文本导入表单',
  'textImport.hint':
    '粘贴问卷星或腾讯问卷格式的文本：第一行为标题，题目之间空一行，如“1. 题干[单选题]”，选项每行一个。',
  'textImport.text': '粘贴的文本',
  'textImport.preview': '导入预览',
  'textImport.syntax': '识别为：{syntax}',
  'textImport.syntax.wjx': '问卷星格式',
  'textImport.syntax.tencent': '腾讯问卷格式',
  'textImport.count': '共 {n} 题',
  'textImport.empty': '粘贴文本后，这里显示读出的表单',
  'textImport.problems': '未能读取的行（{n}）',
  'textImport.line': '第 {line} 行',
  'textImport.noProblems': '每一行都已读取',
  'textImport.replaces': '应用后将替换当前表单的全部内容；可以撤销（Ctrl+Z）。',
  'textImport.apply': '应用到表单',
  'textImport.cancel': '取消',
  'textImport.applied': '已从文本导入 {n} 题（可撤销）',
  'textImport.page': '第 {n} 页',
} as const
