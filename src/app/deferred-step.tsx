import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react'
import { LoadingFallback } from '../components/ui/loading-fallback.tsx'
import { StepSection } from '../components/ui/step-section.tsx'
import { loadQueryLayer } from '../state/query-on-demand.ts'

type StepModule = () => Promise<{ default: ComponentType }>

// Once the first view has been painted, steps mounted later (Start over) render at once.
let firstViewPainted = false

/** True from the frame after the first view was painted: the steps below the fold wait for it. */
function useFirstViewPainted(): boolean {
  const [painted, setPainted] = useState(firstViewPainted)
  useEffect(() => {
    if (painted) return
    let timer = 0
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        firstViewPainted = true
        setPainted(true)
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      window.clearTimeout(timer)
    }
  }, [painted])
  return painted
}

interface DeferredStepOptions {
  id: string
  title: string
  number?: number
  load: StepModule
}

/**
 * A step below the fold: its heading and anchor at once, its code fetched only once the first view is
 * on screen, so the steps a person starts with do not wait for it. `eager` loads at once (e.g. on the
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
    if (!painted && !eager) return placeholder
    return (
      <Suspense fallback={placeholder}>
        <Step />
      </Suspense>
    )
  }
  return DeferredStep
}
