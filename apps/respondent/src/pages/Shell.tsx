import type { Locale } from '@yardstick/sdk/link'
import type { ReactNode } from 'react'
import { TEXT } from '../i18n'

/** Props of `Shell`. */
export interface ShellProps {
  locale: Locale
  onLocale: (locale: Locale) => void
  /** Whether 长辈版 (the elder mode) is on. */
  elder: boolean
  onElder: (on: boolean) => void
  /** The campaign and the unit assessed, once the link is known. */
  campaign?: { name: string; unit: string }
  children: ReactNode
}

/**
 * The frame of every page: the product's name, the campaign and unit answered for, the
 * language and 长辈版 switches (both remembered), and the page below. Prints without the
 * switches. The switch's state is said in words (开/关) and by its pressed state, not by colour.
 *
 * @example
 * <Shell locale="zh-CN" onLocale={setLocale}><TokenPage … /></Shell>
 */
export function Shell({ locale, onLocale, elder, onElder, campaign, children }: ShellProps) {
  const text = TEXT[locale]
  const other: Locale = locale === 'en' ? 'zh-CN' : 'en'
  return (
    <div className={elder ? 'rs-shell rs-elder' : 'rs-shell'}>
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
        <div className="rs-switches rs-no-print">
          <button
            type="button"
            className="rs-switch"
            aria-pressed={elder}
            onClick={() => onElder(!elder)}
          >
            {text.elderSwitch}
            <span className="rs-switch-state" aria-hidden="true">
              {elder ? text.elderOn : text.elderOff}
            </span>
          </button>
          <button
            type="button"
            className="rs-lang"
            lang={other}
            aria-label={text.switchLabel}
            onClick={() => onLocale(other)}
          >
            {text.switchTo}
          </button>
        </div>
      </header>
      <main className="rs-main">{children}</main>
    </div>
  )
}
