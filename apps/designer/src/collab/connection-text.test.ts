import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { translator } from '../i18n/translate'
import { connectionText } from './connection-text'

describe('connectionText', () => {
  const zh = translator()
  it('says why the server closed, in both languages', () => {
    const closed = { state: 'closed', code: 4403, reason: 'forbidden' } as const
    expect(connectionText(closed, zh)).toBe('连接已关闭：你没有打开这份表单的权限')
    expect(connectionText(closed, translator(en))).toBe(
      'Connection closed: You may not open this form',
    )
  })

  it('says the server refused this editor’s latest changes, which will be discarded [COL27]', () => {
    const rejected = { state: 'closed', code: 4423, reason: 'overFormLimits' } as const
    expect(connectionText(rejected, zh)).toBe(
      '服务器拒绝了你最近的修改：合并后表单会超出上限（面板嵌套层数或页面、面板和题目的总数）。尚未保存到服务器的修改将被丢弃',
    )
    expect(connectionText(rejected, translator(en))).toMatch(
      /^The server refused your latest changes: .* exceed its limits .* Changes not yet saved to the server will be discarded$/,
    )
  })

  it('says a transient close is being retried, and plain offline keeps edits here', () => {
    expect(connectionText({ state: 'offline', code: 4503, reason: 'shuttingDown' }, zh)).toBe(
      '连接中断（服务器正在重启），正在重连…',
    )
    expect(connectionText({ state: 'offline', code: null, reason: null }, zh)).toBe(
      '离线：修改保存在本机，恢复连接后自动合并',
    )
    // A crashed server (1006) is a reconnect under way, never a reason to reload.
    expect(connectionText({ state: 'offline', code: 1006, reason: null }, zh)).toBe(
      '连接中断，正在重连…修改保存在本机，连上后自动合并',
    )
    expect(connectionText({ state: 'offline', code: 1006, reason: null }, translator(en))).toBe(
      'Connection lost, reconnecting… edits are kept on this device and merged once back',
    )
    expect(connectionText({ state: 'closed', code: 4499, reason: null }, zh)).toBe(
      '连接已关闭：代码 4499',
    )
  })
})
