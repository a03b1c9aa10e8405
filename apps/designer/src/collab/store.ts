import { useSyncExternalStore } from 'react'
import { useSyncExternalStoreWithSelector } from 'use-sync-external-store/with-selector'

/** A value that changes over time and tells its subscribers (for `useSyncExternalStore`). */
export interface Store<T> {
  get: () => T
  set: (value: T) => void
  subscribe: (listener: () => void) => () => void
}

/**
 * A tiny observable value.
 *
 * @example
 * const count = createStore(0)
 * count.subscribe(() => console.log(count.get()))
 * count.set(1)
 */
export function createStore<T>(initial: T): Store<T> {
  let value = initial
  const listeners = new Set<() => void>()
  return {
    get: () => value,
    set: (next) => {
      if (Object.is(next, value)) return
      value = next
      for (const listener of [...listeners]) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Reads a store in a component and re-renders when it changes. */
export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get, store.get)
}

/**
 * Reads part of a store: the component renders again only when `select`'s result changes (by
 * `isEqual`, `Object.is` by default). What every editor panel uses, so that a keystroke in one
 * title renders that title's row and field, not the whole editor.
 */
export function useStoreSelect<T, S>(
  store: Store<T>,
  select: (value: T) => S,
  isEqual?: (a: S, b: S) => boolean,
): S {
  return useSyncExternalStoreWithSelector(store.subscribe, store.get, store.get, select, isEqual)
}

/** Equal arrays: same length, entries `Object.is` equal. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]))
}
