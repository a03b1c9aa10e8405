import { useI18n } from '../i18n/I18nProvider'

/** Shown when the server's document of this form is empty: the designer never seeds it. */
export function EmptyDocNotice() {
  const { t } = useI18n()
  return (
    <section className="empty-doc" role="status" data-testid="empty-doc">
      <h2>{t('editor.emptyTitle')}</h2>
      <p>{t('editor.emptyBody')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('app.retry')}
      </button>
    </section>
  )
}
