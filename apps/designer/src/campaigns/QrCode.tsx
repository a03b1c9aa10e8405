import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/I18nProvider'

/**
 * A QR code of a URL, drawn by the `qrcode` library as SVG (crisp on paper at any size) and shown
 * as an image named `label`. `data-ready` marks it drawn, so a sheet prints only once all are.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { t } = useI18n()
  const [drawn, setDrawn] = useState<
    { text: string; svg: string } | { text: string; failed: true }
  >()
  useEffect(() => {
    let live = true
    QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setDrawn({ text, svg }),
      // Only a text too long for a QR code fails; the URL is still printed beside it.
      () => live && setDrawn({ text, failed: true }),
    )
    return () => {
      live = false
    }
  }, [text])
  if (drawn?.text !== text) return <span className="qr" aria-busy="true" />
  if ('failed' in drawn) return <span className="qr qr-failed">{t('office.qrFailed')}</span>
  return (
    <img
      className="qr"
      data-ready="true"
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`}
      alt={label}
    />
  )
}
