import type { textImportZhCN } from './zh-CN'

/** The paste-a-form dialog (文本导入, issue 19), in English. */
export const textImportEn: Record<keyof typeof textImportZhCN, string> = {
  'textImport.button': 'Import from text',
  'textImport.title': 'Import a form from text',
  'textImport.hint':
    'Paste text in 问卷星 (Wenjuanxing) or 腾讯问卷 (Tencent Survey) format: the title on line 1, a blank line between questions such as "1. Question[单选题]", one option a line.',
  'textImport.text': 'Pasted text',
  'textImport.preview': 'Preview',
  'textImport.syntax': 'Read as: {syntax}',
  'textImport.syntax.wjx': '问卷星 (Wenjuanxing) format',
  'textImport.syntax.tencent': '腾讯问卷 (Tencent Survey) format',
  'textImport.count': '{n} questions',
  'textImport.empty': 'Paste text to see the form it reads as',
  'textImport.problems': 'Lines not read ({n})',
  'textImport.line': 'Line {line}',
  'textImport.noProblems': 'Every line was read',
  'textImport.replaces': 'Applying replaces the whole form; you can undo it (Ctrl+Z).',
  'textImport.apply': 'Apply to the form',
  'textImport.cancel': 'Cancel',
  'textImport.applied': 'Imported {n} questions from text (undoable)',
  'textImport.page': 'Page {n}',
}
