import type { Locale } from '@yardstick/sdk/link'
import { useEffect, useRef, useState } from 'react'
import { TEXT } from '../i18n'

/** Props of `Countdown`. */
export interface CountdownProps {
  /** When the time is up, on the server's clock (ms since the epoch). */
  endsAt: number
  /** The server's clock minus this device's, in ms. */
  clockOffset: number
  /** The limit, for the first announcement. */
  minutes: number
  locale: Locale
  /** Called once, when the time is up (at once if it already is). */
  onExpire: () => void
}

/** Moments announced to screen readers, in seconds left: not every second, only these. */
export const ANNOUNCED_AT = [10 * 60, 5 * 60, 60, 30] as const

/**
 * The time left, `mm:ss`, per the server's clock.
 *
 * @example
 * clockText(75_400) // '01:16'
 */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const mm = String(minutes).padStart(2, '0')
  const ss = String(seconds).padStart(2, '0')
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`
}

/**
 * A timed quiz's countdown, always in sight (sticky at the top): the time left on the server's
 * clock, turning urgent in the last minute. Screen readers hear it at the start, at 10 and 5
 * minutes, 1 minute and 30 seconds left, and when the time is up — never every second.
 *
 * @example
 * <Countdown endsAt={Date.parse(view.timeLimit.endsAt)} clockOffset={0} minutes={20} locale="zh-CN" onExpire={submitNow} />
 */
export function Countdown({ endsAt, clockOffset, minutes, locale, onExpire }: CountdownProps) {
  const text = TEXT[locale]
  const left = () => endsAt - (Date.now() + clockOffset)
  const [remaining, setRemaining] = useState(left)
  const [announcement, setAnnouncement] = useState<string>(() =>
    left() > 0 ? `${text.timedStart(minutes)} ${text.timeLeft(Math.ceil(left() / 60_000))}` : '',
  )
  const expire = useRef(onExpire)
  expire.current = onExpire
  const textRef = useRef(text)
  textRef.current = text

  useEffect(() => {
    let previous = endsAt - (Date.now() + clockOffset)
    let expired = false
    const tick = () => {
      const now = endsAt - (Date.now() + clockOffset)
      setRemaining(now)
      const words = textRef.current
      for (const mark of ANNOUNCED_AT) {
        const at = mark * 1000
        if (previous > at && now <= at) {
          setAnnouncement(mark >= 60 ? words.timeLeft(mark / 60) : words.secondsLeft(mark))
        }
      }
      previous = now
      if (now <= 0 && !expired) {
        expired = true
        setAnnouncement(words.timeUp)
        expire.current()
      }
    }
    tick()
    const timer = window.setInterval(tick, 250)
    return () => window.clearInterval(timer)
  }, [endsAt, clockOffset])

  const up = remaining <= 0
  const urgent = remaining <= 60_000
  return (
    <div className={`rs-countdown${urgent ? ' rs-urgent' : ''}`}>
      <span className="rs-countdown-label" id="rs-timer-label">
        {text.timerLabel}
      </span>
      <span className="rs-countdown-time" role="timer" aria-labelledby="rs-timer-label">
        {up ? '00:00' : clockText(remaining)}
      </span>
      {up && <span className="rs-countdown-up">{text.timeUp}</span>}
      <span className="rs-sr-only" aria-live={up ? 'assertive' : 'polite'} aria-atomic="true">
        {announcement}
      </span>
    </div>
  )
}
