import { memo } from 'react'
import { useI18n } from '../../i18n/I18nProvider'
import { SharedTextField } from './SharedTextField'
import { textIn } from './text-value'

/** A text property in zh-CN and English side by side. */
export const LocalizedText = memo(function LocalizedText({
  target,
  field,
  value,
  label,
  multiline = false,
}: {
  target: string
  field: string
  value: unknown
  label: string
  multiline?: boolean
}) {
  const { t } = useI18n()
  return (
    <fieldset className="localized">
      <legend>{label}</legend>
      <SharedTextField
        target={target}
        field={field}
        locale="default"
        lang="zh-CN"
        value={textIn(value, 'default')}
        label={`${t('props.zh')}`}
        multiline={multiline}
      />
      <SharedTextField
        target={target}
        field={field}
        locale="en"
        lang="en"
        value={textIn(value, 'en')}
        label={`${t('props.en')}`}
        multiline={multiline}
      />
    </fieldset>
  )
})

/**
 * The same pair as two table cells, for lists (choices, dimensions): each labelled with the
 * row's name and its language, since the table header alone is no accessible label.
 */
export function LocalizedCells({
  target,
  field,
  value,
  row,
}: {
  target: string
  field: string
  value: unknown
  row: string
}) {
  const { t } = useI18n()
  return (
    <>
      <td>
        <SharedTextField
          hideLabel
          target={target}
          field={field}
          locale="default"
          lang="zh-CN"
          value={textIn(value, 'default')}
          label={`${row} ${t('props.zh')}`}
        />
      </td>
      <td>
        <SharedTextField
          hideLabel
          target={target}
          field={field}
          locale="en"
          lang="en"
          value={textIn(value, 'en')}
          label={`${row} ${t('props.en')}`}
        />
      </td>
    </>
  )
}
