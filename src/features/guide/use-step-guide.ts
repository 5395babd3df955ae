import { useEffect, useState } from 'react'
import { loadOnce } from '../../lib/load-once.ts'
import { FIRST_STEP_GUIDE, type WalkthroughStepId } from './walkthrough-progress.ts'

const laterGuides = loadOnce(() => import('./walkthrough-guide-text.ts'))

/**
 * The guide's text for a step: the first step's at once (it is what the first view shows); the others' once
 * loaded, which starts as soon as the first view is up, long before anyone has finished the first step.
 */
export function useStepGuide(id: WalkthroughStepId | undefined): string | null {
  const [loaded, setLoaded] = useState(() => laterGuides.loaded())
  useEffect(() => {
    // A failed load is tried again when the next step changes.
    if (!loaded) laterGuides.load().then(setLoaded, () => undefined)
  }, [loaded, id])
  if (id === undefined) return null
  return id === 'environment' ? FIRST_STEP_GUIDE : (loaded?.NEXT_STEP_GUIDES[id] ?? null)
}
