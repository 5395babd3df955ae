/**
 * Code loaded on first use (a dynamic `import()`), once: every caller while it loads shares the one load,
 * and once it is in, `loaded()` hands it over with no task in between (an `await` of a loaded module still
 * waits a task, which would hold a click's request behind the next frame). A failed load (offline, a new
 * deployment) is not remembered: the next call tries again.
 */
export interface LoadOnce<M> {
  /** The module, loading it first if need be. */
  load: () => Promise<M>
  /** The module if it has loaded, else undefined. */
  loaded: () => M | undefined
}

/** See {@link LoadOnce}; `onLoaded` runs once, when the module has arrived and `loaded()` returns it. */
export function loadOnce<M>(load: () => Promise<M>, onLoaded?: (module: M) => void): LoadOnce<M> {
  let module: M | undefined
  let loading: Promise<M> | undefined
  return {
    load: () =>
      (loading ??= load().then(
        (arrived) => {
          module = arrived
          onLoaded?.(arrived)
          return arrived
        },
        (error: unknown) => {
          loading = undefined
          throw error
        },
      )),
    loaded: () => module,
  }
}
