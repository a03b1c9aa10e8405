import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { compileForm, type PlannedBank } from './plan'
import type { ElementJson, FormJson, PageJson } from './types'
import { formPages, walkElements } from './walk'

/**
 * The names drawn for one respondent from every page or panel with `drawCount` (a question
 * bank): deterministic for a seed, uniform over seeds, never a repeat. Names come in the
 * bank's own order.
 *
 * @param form the form JSON
 * @param seed identifies the respondent (a token, a user id)
 * @example
 * drawQuestions(templates.quiz, 'member-42').length // 30
 */
export function drawQuestions(form: FormJson, seed: string): string[] {
  return compileForm(form).banks.flatMap((bank) => [...drawBank(bank, seed)])
}

/** Draws of every bank for a seed, keyed by bank id; a set of item names each. */
export function drawnByBank(form: FormJson, seed: string): Map<string, Set<string>> {
  return new Map(compileForm(form).banks.map((bank) => [bank.id, drawBank(bank, seed)]))
}

function drawBank(bank: PlannedBank, seed: string): Set<string> {
  const { items, drawCount } = bank
  if (drawCount >= items.length) return new Set(items)
  // A partial Fisher–Yates shuffle: the first drawCount slots are a uniform sample.
  const rng = xoroshiro128plus(hashSeed(`${seed}\u0000${bank.id}`))
  const pool = [...items]
  for (let i = 0; i < drawCount; i++) {
    const j = uniformInt(rng, i, pool.length - 1)
    const picked = pool[j] as string
    pool[j] = pool[i] as string
    pool[i] = picked
  }
  const drawn = new Set(pool.slice(0, Math.max(0, drawCount)))
  return new Set(items.filter((name) => drawn.has(name)))
}

/** FNV-1a over UTF-16 units: spreads similar seeds ('member-1', 'member-2') apart. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash | 0
}

/**
 * The form one respondent sees: every bank keeps only the items drawn for the seed (in the
 * bank's order) and loses its `drawCount`. The input form is not changed.
 *
 * @example
 * const mine = personalize(templates.quiz, 'member-42')
 * new Model(mine).getAllQuestions().length // 30
 */
export function personalize(form: FormJson, seed: string): FormJson {
  const drawn = drawnByBank(form, seed)
  if (drawn.size === 0) return structuredClone(form)
  const copy = structuredClone(form)
  const bankIds = new Map(compileForm(form).banks.map((b) => [b.path, b.id]))
  const keep = (container: PageJson | ElementJson, path: string): void => {
    const id = bankIds.get(path)
    const chosen = id === undefined ? undefined : drawn.get(id)
    if (!chosen) return
    container.elements = (container.elements ?? []).filter((e) => chosen.has(e.name))
    delete container.drawCount
  }
  // Paths are computed on the original, so filter inner banks before the outer ones move them.
  const sites = walkElements(copy).reverse()
  for (const { element, path } of sites) keep(element, path)
  for (const { page, path } of formPages(copy)) keep(page, path)
  return copy
}
