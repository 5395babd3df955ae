import type { PersistOptions } from 'zustand/middleware'
import { guardedLocalStorage } from './storage-guard.ts'

/*
 * What the console saved is untrusted and read back through zod, but zod is not part of the first view:
 * a first visit has nothing saved and needs no reader at all. So the stores that read local storage
 * before the first render (environments, limits, presentation mode) do not hydrate when they are created
 * (persist's `skipHydration`) but here, each with readers (migrate, merge) loaded only when it has
 * something saved. main.tsx renders once this is done: what was saved applies before anything is shown
 * (presentation mode included: no secret is on screen unmasked for a frame).
 */

type Readers<S, P> = Pick<PersistOptions<S, P>, 'merge' | 'migrate'>

interface PersistedStore<S, P> {
  persist: {
    getOptions: () => Partial<PersistOptions<S, P>>
    setOptions: (options: Partial<PersistOptions<S, P>>) => void
    rehydrate: () => Promise<void> | void
  }
}

/** Each registered store: whether it has something saved, and how to read it back. */
const savedStores: { isSaved: () => boolean; read: () => Promise<void> }[] = []

/** Readers that could not load: the store keeps its defaults and hears why (its onRehydrateStorage). */
function unavailableReaders<S, P>(error: unknown): Readers<S, P> {
  const why = error instanceof Error ? error.message : String(error)
  return {
    merge: () => {
      throw new Error(`the code that reads them did not load: ${why}`)
    },
  }
}

/** Registers a store created with `skipHydration`: {@link readSavedSettings} reads it back with `readers`. */
export function readSavedWith<S, P>(store: PersistedStore<S, P>, readers: () => Promise<Readers<S, P>>): void {
  const name = store.persist.getOptions().name ?? ''
  savedStores.push({
    isSaved: () => guardedLocalStorage().getItem(name) !== null,
    read: async () => {
      store.persist.setOptions(await readers().catch(unavailableReaders<S, P>))
      await store.persist.rehydrate()
    },
  })
}

/**
 * Reads back what the registered stores saved, each through its readers, all at once; resolves at once,
 * with no reader loaded, when nothing is saved.
 */
export function readSavedSettings(): Promise<void> {
  const saved = savedStores.filter((store) => store.isSaved())
  return saved.length === 0 ? Promise.resolve() : Promise.all(saved.map((store) => store.read())).then(() => undefined)
}
