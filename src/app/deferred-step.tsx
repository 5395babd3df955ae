import { lazy, Suspense, type ComponentType } from 'react'
import { LoadingFallback } from '../components/ui/loading-fallback.tsx'
import { StepSection } from '../components/ui/step-section.tsx'
import { loadQueryLayer } from '../state/query-on-demand.ts'
import { useFirstViewPainted } from './first-view-painted.tsx'

type StepModule = () => Promise<{ default: ComponentType }>

interface DeferredStepOptions {
  id: string
  title: string
  number?: number
  load: StepModule
}

/**
 * A step below the fold: its heading and anchor from the frame after the first view was painted, with
 * the navigation, and its code fetched from then on, so the steps a person starts with do not wait for it. `eager` loads at once (e.g. on the
 * step's own redirect target).
 */
export function deferredStep({ id, title, number, load }: DeferredStepOptions) {
  // The step's hooks are react-query's own: its code and the app's QueryClient (providers.tsx) come first.
  const Step = lazy(() => Promise.all([load(), loadQueryLayer()]).then(([module]) => module))
  const placeholder = (
    <StepSection id={id} title={title} {...(number === undefined ? {} : { number })}>
      <LoadingFallback what={`the ${title} step`} />
    </StepSection>
  )
  function DeferredStep({ eager = false }: { eager?: boolean }) {
    const painted = useFirstViewPainted()
    // Nothing until then, not even the heading: the navigation that links to it comes in the same update.
    if (!painted && !eager) return null
    return (
      <Suspense fallback={placeholder}>
        <Step />
      </Suspense>
    )
  }
  return DeferredStep
}
