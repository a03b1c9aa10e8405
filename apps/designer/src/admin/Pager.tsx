import { useI18n } from '../i18n/I18nProvider'

/**
 * Previous / next buttons of an offset-paged list (`nextOffset` null on the last page); shown only
 * when there is more than one page.
 */
export function Pager({
  offset,
  nextOffset,
  pageSize,
  onChange,
}: {
  offset: number
  nextOffset: number | null
  pageSize: number
  onChange: (offset: number) => void
}) {
  const { t } = useI18n()
  if (offset === 0 && nextOffset === null) return null
  return (
    <div className="row-actions">
      <button
        type="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - pageSize))}
      >
        {t('users.prev')}
      </button>
      <button
        type="button"
        disabled={nextOffset === null}
        onClick={() => onChange(nextOffset ?? offset)}
      >
        {t('users.next')}
      </button>
    </div>
  )
}
