import { isWellFormedToken, type Locale, normalizeToken } from '@yardstick/sdk/link'
import { type FormEvent, useId, useState } from 'react'
import { TEXT } from '../i18n'

/** Props of `TokenForm`. */
export interface TokenFormProps {
  locale: Locale
  /** Called with the token in its canonical form once it has a token's shape. */
  onToken: (token: string) => void
  /** What the field holds at first (a token that was refused, to correct). */
  initial?: string
}

/**
 * The field a respondent types their slip's token into: case, spaces and dashes do not matter,
 * and O/I/L read as 0/1, exactly as the server reads it (`normalizeToken`); a string that cannot
 * be a token is pointed out before anything is sent.
 *
 * @example
 * <TokenForm locale="zh-CN" onToken={(token) => open(token)} />
 */
export function TokenForm({ locale, onToken, initial = '' }: TokenFormProps) {
  const text = TEXT[locale]
  const id = useId()
  const [value, setValue] = useState(initial)
  const [malformed, setMalformed] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const token = normalizeToken(value)
    if (!isWellFormedToken(token)) {
      setMalformed(true)
      return
    }
    setMalformed(false)
    onToken(token)
  }
  return (
    <form className="rs-token-form rs-no-print" onSubmit={submit} noValidate>
      <label htmlFor={id}>{text.tokenLabel}</label>
      <input
        id={id}
        name="token"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        placeholder="XXXX-XXXX-XXXX-XXXX"
        aria-invalid={malformed}
        aria-describedby={malformed ? `${id}-error` : undefined}
      />
      {malformed && (
        <p id={`${id}-error`} className="rs-field-error" role="alert">
          {text.tokenMalformed}
        </p>
      )}
      <button type="submit" className="rs-button rs-primary">
        {text.tokenSubmit}
      </button>
    </form>
  )
}
