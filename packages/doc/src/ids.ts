import { getRandomValues } from 'lib0/webcrypto'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-'
const ID_LENGTH = 12
const pool = new Uint8Array(4096)
let cursor = pool.length

/**
 * A new random id of 12 url-safe characters (72 bits): the key of a page, element or item.
 * Bytes come from one pooled `getRandomValues` call, so a 500-question form does not pay one
 * crypto call per character.
 */
export function createId(): string {
  if (cursor + ID_LENGTH > pool.length) {
    getRandomValues(pool)
    cursor = 0
  }
  let id = ''
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[(pool[cursor++] ?? 0) & 63]
  return id
}
