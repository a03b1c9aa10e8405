import type { Locale } from '@yardstick/sdk/link'
import type { ReactNode } from 'react'
import { TEXT } from '../i18n'

/** Props of `Shell`. */
export interface ShellProps {
  locale: Locale
  onLocale: (locale: Locale) => void
  /** The campaign and the unit assessed, once the link is known. */
  campaign?: { name: string; unit: string }
  children: ReactNode
}

/**
 * The frame of every page: the product's name, the campaign and unit answered for, the
 * language switch (remembered), and the page below. Prints without the switch.
 *
 * @example
 * <Shell locale="zh-CN" onLocale={setLocale}><TokenPage … /></Shell>
 */
export function Shell({ locale, onLocale, campaign, children }: ShellProps) {
  const text = TEXT[locale]
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en'
  return (
    <div className="rs-shell">
      <header className="rs-header">
        <div className="rs-titles">
          <p className="rs-brand">{text.brand}</p>
          {campaign && (
            <>
              <h1 className="rs-campaign">{campaign.name}</h1>
              <p className="rs-unit">{text.unit(campaign.unit)}</p>
            </>
          )}
        </div>
        <button
          type="button"
          className="rs-lang rs-no-print"
          lang={other}
          aria-label={text.switchLabel}
          onClick={() => onLocale(other)}
        >
          {text.switchTo}
        </button>
      </header>
      <main className="rs-main">{children}</main>
    </div>
  )
}
