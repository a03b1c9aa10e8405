import { useEffect, useState } from 'react'
import { useErrorText } from '../api/useErrorText'
import { useI18n } from '../i18n/I18nProvider'

/** A button that copies text to the clipboard and says so (or why it could not). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n()
  const errorText = useErrorText()
  const [state, setState] = useState<'idle' | 'copied' | { error: unknown }>('idle')
  useEffect(() => {
    if (state !== 'copied') return
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch (error) {
      setState({ error })
    }
  }
  return (
    <>
      <button type="button" onClick={copy} aria-label={label} data-copy={text}>
        {state === 'copied' ? `✓ ${t('campaignAdmin.copied')}` : label}
      </button>
      {typeof state === 'object' && (
        <span role="alert" className="error">
          {t('campaignAdmin.copyFailed', { message: errorText(state.error) })}
        </span>
      )}
    </>
  )
}
