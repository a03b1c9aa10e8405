import type { NodeView } from '@yardstick/doc'
import { removeElement } from '@yardstick/doc'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { nodeTitle, typeKey } from '../labels'
import { RULE_PROPERTIES } from '../rules/draft'
import { RuleField } from '../rules/RuleField'
import { useConfirmRemove } from '../rules/remove-check'
import { CheckField } from './CheckField'
import { ChoicesEditor } from './ChoicesEditor'
import { type ItemSlot, ItemsEditor } from './ItemsEditor'
import { LocalizedText } from './LocalizedText'
import { ScoringFields } from './ScoringFields'
import { useSetProperty } from './useEdit'
import { ValidatorsEditor } from './ValidatorsEditor'
import { numberOrNone, ValueField } from './ValueField'

const TEXTLESS = new Set(['html'])
// Item lists edited beside choices: SurveyJS's matrix rows/columns (a dropdown matrix's columns
// with their cell types) and multiple-text items.
const ITEM_LISTS: Record<string, readonly ItemSlot[]> = {
  matrix: ['columns', 'rows'],
  matrixdropdown: ['columns', 'rows'],
  multipletext: ['items'],
}

/** A page's, panel's or question's properties, grouped: texts, basics, logic, scoring, choices. */
export function NodeProperties({ node }: { node: NodeView }) {
  const { t, locale } = useI18n()
  const { session, canWrite, announce, select } = useEditor()
  const set = useSetProperty()
  const { json, id } = node
  const type = typeKey(json.type)
  const heading =
    node.kind === 'page'
      ? t('props.page')
      : node.kind === 'panel'
        ? t('props.panel')
        : t('props.question', { type: type ? t(type) : String(json.type) })
  const confirmRemove = useConfirmRemove()
  const remove = () => {
    // Rules referring to it would break (and block publishing): ask first, naming them.
    if (!confirmRemove(node)) return
    if (removeElement(session.doc, id, session.origin)) {
      announce(t('tree.removed', { name: nodeTitle(node, locale) }))
      select(null)
    }
  }
  return (
    <div className="props" data-props-for={id}>
      <div className="props-head">
        <h2 className="panel-title">{heading}</h2>
        <button type="button" className="danger" disabled={!canWrite} onClick={remove}>
          {t('props.removeNode')}
        </button>
      </div>
      <div className="field-row">
        <ValueField
          label={t('props.name')}
          mono
          value={typeof json.name === 'string' ? json.name : ''}
          onCommit={(v) => set(id, 'name', v.trim() || undefined)}
        />
        {node.kind === 'question' && (
          <CheckField
            label={t('props.required')}
            checked={json.isRequired === true}
            onChange={(on) => set(id, 'isRequired', on ? true : undefined)}
          />
        )}
        {node.kind !== 'question' && (
          <ValueField
            label={t('props.drawCount')}
            type="number"
            min={1}
            value={typeof json.drawCount === 'number' ? json.drawCount : undefined}
            onCommit={(v) => set(id, 'drawCount', numberOrNone(v))}
          />
        )}
      </div>
      {TEXTLESS.has(String(json.type)) ? (
        <LocalizedText target={id} field="html" value={json.html} label="HTML" multiline />
      ) : (
        <>
          <LocalizedText target={id} field="title" value={json.title} label={t('props.title')} />
          <LocalizedText
            target={id}
            field="description"
            value={json.description}
            label={t('props.description')}
            multiline
          />
        </>
      )}
      <details open>
        <summary>{t('props.logic')}</summary>
        {RULE_PROPERTIES.filter((p) => p !== 'requiredIf' || node.kind === 'question').map(
          (property) => (
            <RuleField key={property} node={node} property={property} />
          ),
        )}
      </details>
      {node.kind === 'question' && (
        <details open>
          <summary>{t('props.scoring')}</summary>
          <ScoringFields node={node} />
        </details>
      )}
      {Array.isArray(json.choices) && (
        <ChoicesEditor node={node} slot="choices" label={t('props.choices')} />
      )}
      {Array.isArray(json.rateValues) && (
        <ChoicesEditor node={node} slot="rateValues" label={t('props.rateValues')} />
      )}
      {(ITEM_LISTS[String(json.type)] ?? []).map((slot) => (
        <ItemsEditor key={slot} node={node} slot={slot} />
      ))}
      {node.kind === 'question' && !TEXTLESS.has(String(json.type)) && (
        <ValidatorsEditor node={node} />
      )}
    </div>
  )
}
