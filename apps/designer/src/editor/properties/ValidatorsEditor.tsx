import type { NodeView } from '@yardstick/doc'
import { memo, useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { useEditor } from '../EditorContext'
import { readsKeys } from './reads-keys'
import { SelectField } from './SelectField'
import { useSetProperty } from './useEdit'
import { ValueField } from './ValueField'
import {
  knownType,
  messageIn,
  readValidators,
  VALIDATOR_PARAMS,
  VALIDATOR_TYPES,
  type ValidatorType,
  validatorsValue,
  withMessage,
  withParam,
} from './validators'

/**
 * A question's `validators`: numeric range, text length, regular expression, expression; each
 * with its error message in zh-CN and English. The whole list is one plain value (SPEC [DOC6]),
 * written at once when a field is left.
 */
export const ValidatorsEditor = memo(function ValidatorsEditor({ node }: { node: NodeView }) {
  const { t } = useI18n()
  const { canWrite } = useEditor()
  const set = useSetProperty()
  const [adding, setAdding] = useState<ValidatorType>('numeric')
  const [error, setError] = useState<string | null>(null)
  const list = readValidators(node.json.validators)
  const write = (next: Array<Record<string, unknown>>) => {
    setError(null)
    set(node.id, 'validators', validatorsValue(next))
  }
  const change = (
    index: number,
    update: (v: Record<string, unknown>) => Record<string, unknown>,
  ) => {
    try {
      write(list.map((v, i) => (i === index ? update(v) : v)))
    } catch (problem) {
      setError((problem as Error).message)
    }
  }

  return (
    <fieldset className="validators">
      <legend>{t('props.validators')}</legend>
      {list.length === 0 && <p className="muted">{t('props.validators.none')}</p>}
      {list.map((validator, index) => {
        const type = knownType(validator)
        const n = index + 1
        const name = type ? t(`props.validator.${type}`) : String(validator.type)
        return (
          <div
            key={`${index}-${String(validator.type)}`}
            className="validator"
            data-validator={String(validator.type)}
          >
            <div className="field-row">
              <strong>{t('props.validator.row', { n, type: name })}</strong>
              <button
                type="button"
                className="icon"
                disabled={!canWrite}
                aria-label={t('props.validator.remove', { n })}
                onClick={() => write(list.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </div>
            {type ? (
              <div className="field-row">
                {VALIDATOR_PARAMS[type].map((param) => (
                  <ValueField
                    key={param.key}
                    label={`${t('props.validator.row', { n, type: name })} ${t(paramKey(param.key))}`}
                    type={param.number ? 'number' : 'text'}
                    mono={!param.number}
                    value={validator[param.key] as string | number | undefined}
                    onCommit={(text) => change(index, (v) => withParam(v, param, text))}
                  />
                ))}
              </div>
            ) : (
              <pre className="mono">{JSON.stringify(validator)}</pre>
            )}
            <div className="field-row">
              {(['default', 'en'] as const).map((locale) => (
                <ValueField
                  key={locale}
                  label={`${t('props.validator.row', { n, type: name })} ${t('props.validator.message')}（${locale === 'default' ? t('props.zh') : t('props.en')}）`}
                  value={messageIn(validator, locale)}
                  onCommit={(text) => change(index, (v) => withMessage(v, locale, text))}
                />
              ))}
            </div>
          </div>
        )
      })}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="field-row">
        <SelectField
          label={t('props.validator.type')}
          value={adding}
          options={VALIDATOR_TYPES.map((type) => ({
            value: type,
            label: t(`props.validator.${type}`),
          }))}
          onChange={(v) => setAdding(v as ValidatorType)}
        />
        <button
          type="button"
          disabled={!canWrite}
          onClick={() => write([...list, { type: adding }])}
        >
          + {t('props.validator.add')}
        </button>
      </div>
    </fieldset>
  )
}, readsKeys('validators'))

/** The label key of a validator parameter (`regex` and `expression` name their type too). */
function paramKey(key: string) {
  switch (key) {
    case 'regex':
      return 'props.validator.regex.value' as const
    case 'expression':
      return 'props.validator.expression.value' as const
    default:
      return `props.validator.${key as 'minValue' | 'maxValue' | 'minLength' | 'maxLength'}` as const
  }
}
