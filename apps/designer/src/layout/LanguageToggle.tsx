import { useI18n } from '../i18n/I18nProvider'

/** One click between Chinese and English. */
export function LanguageToggle() {
  const { t, locale, setLocale } = useI18n()
  return (
    <button
      type="button"
      className="lang-toggle"
      title={t('lang.label')}
      lang={locale === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.toggle')}
    </button>
  )
}
