import { addChoice, ROOT, removeChoice } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor, useViewSelect } from '../EditorContext'
import { uniqueName } from '../names'
import { bilingual } from '../toolbox/tools'
import { useItemsJson } from './choices'
import { LocalizedCells } from './LocalizedText'
import { useSetProperty } from './useEdit'
import { numberOrNone, ValueField } from './ValueField'

/** The survey's dimensions (the four strengths, the five basics) with their weights. */
export function DimensionsEditor() {
  const { t } = useI18n()
  const { session, canWrite } = useEditor()
  const set = useSetProperty()
  const dimensions = useViewSelect((view) => view.dimensions)
  const entries = useItemsJson(dimensions)
  const names = new Set(entries.map((json) => (json as { name?: string } | undefined)?.name ?? ''))
  const add = () =>
    addChoice(
      session.doc,
      {
        parent: ROOT,
        slot: 'dimensions',
        json: {
          name: uniqueName('dimension', names),
          title: bilingual('block.title.dimension'),
          weight: 1,
        },
      },
      session.origin,
    )
  return (
    <fieldset className="dimensions">
      <legend>{t('props.dimensions')}</legend>
      {dimensions.length > 0 && (
        <table className="grid-table">
          <thead>
            <tr>
              <th scope="col">{t('props.name')}</th>
              <th scope="col">{t('props.zh')}</th>
              <th scope="col">{t('props.en')}</th>
              <th scope="col">{t('props.weight')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('forms.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {dimensions.map((id, index) => {
              const json = (entries[index] ?? {}) as {
                name?: string
                title?: unknown
                weight?: number
              }
              const name = json.name ?? ''
              return (
                <tr key={id}>
                  <td>
                    <ValueField
                      hideLabel
                      mono
                      label={`${name} ${t('props.name')}`}
                      value={name}
                      onCommit={(v) => set(id, 'name', v.trim() || undefined)}
                    />
                  </td>
                  <LocalizedCells target={id} field="title" value={json.title} row={name} />
                  <td className="narrow">
                    <ValueField
                      hideLabel
                      type="number"
                      min={0}
                      label={`${name} ${t('props.weight')}`}
                      value={json.weight}
                      onCommit={(v) => set(id, 'weight', numberOrNone(v))}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon"
                      disabled={!canWrite}
                      aria-label={t('props.removeDimension', { name })}
                      onClick={() => removeChoice(session.doc, id, session.origin)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <button type="button" disabled={!canWrite} onClick={add}>
        + {t('props.addDimension')}
      </button>
    </fieldset>
  )
}
