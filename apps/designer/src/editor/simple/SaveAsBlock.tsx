import type { FormView, NodeView } from '@yardstick/doc'
import { type FormEvent, useId, useState } from 'react'
import { useErrorText } from '../../api/useErrorText'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { textIn } from '../properties/text-value'
import { blockElements, type OfficeBlocks } from './office-blocks'

/** "Save as a block": names it, then saves the question (and its 问题清单) for the office. */
export function SaveAsBlock({
  node,
  view,
  blocks,
}: {
  node: NodeView
  view: FormView
  blocks: OfficeBlocks
}) {
  const { t, locale } = useI18n()
  const errorText = useErrorText()
  const { announce } = useEditor()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const start = () => {
    const title = textIn(node.json.title, locale === 'en' ? 'en' : 'default')
    setName(title || String(node.json.name ?? ''))
    setError(null)
    setOpen(true)
  }
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const saved = await blocks.save({ name: name.trim(), elements: blockElements(view, node) })
      announce(t('simple.blockSaved', { name: saved.name }))
      setOpen(false)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  if (!open) {
    return (
      <button type="button" onClick={start}>
        {t('simple.saveBlock')}
      </button>
    )
  }
  return (
    <form className="save-block" onSubmit={save}>
      <label htmlFor={`${id}-name`}>{t('simple.blockName')}</label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={100}
        required
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy || !name.trim()}>
        {t('simple.blockSave')}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('simple.cancel')}
      </button>
      {error !== null && (
        <p role="alert" className="error">
          {errorText(error)}
        </p>
      )}
    </form>
  )
}
