import { Suspense, use, type ComponentType, type FulfilledReactPromise } from 'react'
import { LoadingFallback } from './loading-fallback.tsx'

export interface OnFirstUse<P> {
  Component: ComponentType<P>
  /** Fetches the code ahead of its first use (e.g. when the browser is idle); safe to call again. */
  preload: () => Promise<unknown>
}

/**
 * A component whose code is fetched the first time it is shown, or earlier through `preload`. Once
 * fetched it renders at once: unlike React.lazy, it does not suspend for a frame on code that is
 * already there, so a result that arrives after the preload appears in the same render.
 */
export function loadOnFirstUse<P extends object>(what: string, load: () => Promise<ComponentType<P>>): OnFirstUse<P> {
  let loading: Promise<ComponentType<P>> | undefined
  const preload = () => {
    if (!loading) {
      const promise: Promise<ComponentType<P>> = load().then(
        (component) => {
          // React's use() reads a promise marked fulfilled at once, so code fetched ahead renders
          // without a fallback frame, while every render still calls use() (React warns otherwise).
          Object.assign(promise, { status: 'fulfilled', value: component } satisfies Partial<FulfilledReactPromise<ComponentType<P>>>)
          return component
        },
        (error: unknown) => {
          // A failed fetch (offline, a new deployment) is tried again the next time, not remembered.
          loading = undefined
          throw error
        },
      )
      loading = promise
    }
    return loading
  }
  function Loaded(props: P) {
    const Component = use(preload())
    return <Component {...props} />
  }
  function OnFirstUseComponent(props: P) {
    return (
      <Suspense fallback={<LoadingFallback what={what} />}>
        <Loaded {...props} />
      </Suspense>
    )
  }
  return { Component: OnFirstUseComponent, preload }
}
