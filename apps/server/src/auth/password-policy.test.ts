import { describe, expect, it } from 'vitest'
import { AppError } from '../http/errors'
import {
  assertStrongPassword,
  checkPassword,
  generateTemporaryPassword,
  PASSWORD_MIN_LENGTH,
} from './password-policy'

describe('the password policy', () => {
  it('refuses common passwords from the library’s dictionaries, near-misses included', async () => {
    for (const password of ['password123', 'qwertyuiop', '1qaz2wsx3edc', 'passw0rd123']) {
      const verdict = await checkPassword(password)
      expect(verdict, password).toEqual({ ok: false, reasons: ['common'] })
    }
  })

  it('refuses a short password, saying so beside any other reason', async () => {
    // Eight random characters are also too guessable: tooShort comes first.
    const short = await checkPassword('Kx7p-Mq4')
    expect(short.ok === false && short.reasons[0]).toBe('tooShort')
    expect(await checkPassword('password')).toEqual({ ok: false, reasons: ['tooShort', 'common'] })
  })

  it('counts the user’s own e-mail and name against the password', async () => {
    const password = 'Wangwei1985x'
    expect(await checkPassword(password)).toEqual({ ok: true })
    expect(await checkPassword(password, ['wangwei@example.org', '王伟'])).toEqual({
      ok: false,
      reasons: ['guessable'],
    })
  })

  it('accepts a strong password and a passphrase', async () => {
    expect(await checkPassword('Kx7p-Mq4z-Tr9w')).toEqual({ ok: true })
    expect(await checkPassword('correct horse battery staple')).toEqual({ ok: true })
  })

  it('throws weakPassword with the reasons and the minimum length', async () => {
    const error = await assertStrongPassword('iloveyou123').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('weakPassword')
    expect((error as AppError).details).toEqual({
      reasons: ['guessable'],
      minLength: PASSWORD_MIN_LENGTH,
    })
  })

  it('makes readable temporary passwords that pass the policy', async () => {
    const passwords = await Promise.all(Array.from({ length: 10 }, generateTemporaryPassword))
    expect(new Set(passwords).size).toBe(10)
    for (const password of passwords) {
      expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/)
      expect(password).not.toMatch(/[0O1lI]/)
      expect(await checkPassword(password)).toEqual({ ok: true })
    }
  })
})
