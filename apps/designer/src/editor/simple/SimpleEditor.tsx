import type { Block, BlockList, NewBlockBody } from '@yardstick/contract'
import { useCallback, useMemo } from 'react'
import { useApi } from '../../api/useApi'
import { useResource } from '../../api/useResource'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import type { OfficeBlocks } from './office-blocks'
import { SimpleCanvas } from './SimpleCanvas'
import { SimpleToolbox } from './SimpleToolbox'

/**
 * The simple mode's body: a toolbox of common types, domain blocks and the office's own blocks
 * beside the form, edited in place. The office is the form's: its blocks are listed, saved to it.
 */
export function SimpleEditor() {
  const { t } = useI18n()
  const api = useApi()
  const { form, canWrite } = useEditor()
  const path = `/api/blocks?orgId=${form.orgId}`
  // Blocks are for those who edit the office's forms: a reviewer reading the form has none.
  const list = useResource(`${path}:${canWrite}`, (signal) =>
    canWrite ? api<BlockList>(path, { signal }) : Promise.resolve<BlockList>({ items: [] }),
  )
  const { reload } = list

  const save = useCallback(
    async (body: NewBlockBody) => {
      const saved = await api<Block>('/api/blocks', {
        method: 'POST',
        body: { ...body, orgId: form.orgId },
      })
      reload()
      return saved
    },
    [api, form.orgId, reload],
  )
  const remove = useCallback(
    async (block: Block) => {
      await api(`/api/blocks/${block.id}`, { method: 'DELETE' })
      reload()
    },
    [api, reload],
  )
  const blocks = useMemo<OfficeBlocks>(
    () => ({ items: list.data?.items, error: list.error, save, remove }),
    [list.data, list.error, save, remove],
  )

  return (
    <div className="editor-body simple-editor">
      <aside className="editor-left">
        <SimpleToolbox blocks={blocks} />
      </aside>
      <div className="simple-main">
        <p className="hint">{t('mode.simpleHint')}</p>
        <SimpleCanvas blocks={blocks} />
      </div>
    </div>
  )
}
