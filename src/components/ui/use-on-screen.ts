import { useEffect, useState, type RefObject } from 'react'

// One observer for every element that asks, rather than one each (a token list can hold hundreds).
const watchers = new WeakMap<Element, (onScreen: boolean) => void>()
let observer: IntersectionObserver | undefined

function watch(element: Element, onChange: (onScreen: boolean) => void) {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watchers.get(entry.target)?.(entry.isIntersecting)
    },
    // A little ahead of the viewport, so a countdown is current by the time it scrolls in.
    { rootMargin: '200px' },
  )
  watchers.set(element, onChange)
  observer.observe(element)
  return () => {
    watchers.delete(element)
    observer?.unobserve(element)
  }
}

/**
 * Whether the element is on screen (or nearly): for work only a visible element needs, like a
 * countdown's tick. Without IntersectionObserver (tests, old browsers) it counts as on screen.
 */
export function useOnScreen(ref: RefObject<Element | null>): boolean {
  const [onScreen, setOnScreen] = useState(typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
    if (!element || typeof IntersectionObserver === 'undefined') return
    return watch(element, setOnScreen)
  }, [ref])
  return onScreen
}

/**
 * Whether the element has been on screen (or nearly) since it was mounted: for controls that, once drawn,
 * stay. Without IntersectionObserver (tests, old browsers) it counts as seen.
 */
export function useSeenOnScreen(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
    if (seen || !element || typeof IntersectionObserver === 'undefined') return
    return watch(element, (onScreen) => {
      if (onScreen) setSeen(true)
    })
  }, [ref, seen])
  return seen
}
