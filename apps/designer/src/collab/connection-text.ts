import { type CloseReason, isRejectedEdit } from '@yardstick/doc'
import type { Translate } from '../i18n/translate'
import type { Connection } from './connection'

/**
 * What the connection badge says, close reasons in words.
 *
 * @example
 * connectionText({ state: 'closed', code: 4403, reason: 'forbidden' }, t) // '连接已关闭：你没有打开这份表单的权限'
 */
export function connectionText(connection: Connection, t: Translate): string {
  const reason = (r: CloseReason | null, code: number | null) =>
    r ? t(`close.${r}`) : t('close.unknown', { code: code ?? '—' })
  switch (connection.state) {
    case 'connecting':
      return t('conn.connecting')
    case 'syncing':
      return t('conn.syncing')
    case 'synced':
      return t('conn.synced')
    // Never "reload": the provider reconnects by itself and what was typed meanwhile is kept.
    case 'offline':
      if (connection.code === null) return t('conn.offline')
      return connection.reason === null
        ? t('conn.reconnecting')
        : t('conn.retrying', { reason: reason(connection.reason, connection.code) })
    // Its own changes refused: they are what reconnecting would send again, so they must go.
    case 'closed':
      if (isRejectedEdit(connection.code)) return t('conn.rejected')
      return t('conn.closed', { reason: reason(connection.reason, connection.code) })
  }
}
