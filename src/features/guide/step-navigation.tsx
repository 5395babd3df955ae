import { useId } from 'react'
import { useExchangeLogSummary } from '../../state/http-log-store.ts'
import { useTokenActions } from '../../state/token-store.ts'
import { useWalkthroughActions } from '../../state/walkthrough-store.ts'
import { useGuideActions, useGuidedModeOn, useWalkthroughStartedAt } from './guide-store.ts'
import { useStepGuide } from './use-step-guide.ts'
import { WALKTHROUGH_STEPS, nextStep, walkthroughProgress, type StepState } from './walkthrough-progress.ts'

const STATE_TEXT: Record<StepState, string> = {
  not_started: 'not started',
  waiting: 'waiting for approval',
  done: 'done',
  failed: 'failed',
}

const STATE_MARK: Record<StepState, string> = {
  not_started: '○',
  waiting: '◐',
  done: '✓',
  failed: '✕',
}

const STATE_CLASS: Record<StepState, string> = {
  not_started: 'text-slate-500 dark:text-slate-400',
  waiting: 'text-amber-700 dark:text-amber-400',
  done: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-rose-700 dark:text-rose-400',
}

/**
 * The tutorial's steps with where each stands (from the HTTP log, nothing copied), what to do next and
 * why, and "Start over", which forgets this walk-through's tokens and device client but keeps environments.
 */
export function StepNavigation({ otherSteps = [] }: { otherSteps?: readonly { id: string; label: string }[] }) {
  const since = useWalkthroughStartedAt()
  const { walkthroughRestarted, guidedModeToggled } = useGuideActions()
  const guided = useGuidedModeOn()
  const { tokensCleared } = useTokenActions()
  const { deviceClientChosen } = useWalkthroughActions()
  // The log is read in place, never copied, and the navigation re-renders only when a step's state changes,
  // not for every exchange recorded.
  const progress = useExchangeLogSummary((log) => walkthroughProgress(log, since))
  const next = nextStep(progress)
  const nextGuide = useStepGuide(next?.id)
  const nextId = useId()

  const startOver = () => {
    tokensCleared()
    deviceClientChosen(null)
    walkthroughRestarted()
    document.getElementById('environment')?.scrollIntoView({ block: 'start' })
  }

  return (
    <nav aria-label="Walk-through steps" className="flex flex-col gap-2 border-b border-slate-200 px-3 py-2 split:col-span-2 split:flex-row split:items-center split:gap-4 wide:col-span-1 wide:flex-col wide:items-stretch wide:gap-2 wide:border-r wide:border-b-0 dark:border-slate-800">
      <label className="flex shrink-0 items-center gap-2 text-sm">
        <input
          type="checkbox"
          role="switch"
          checked={guided}
          aria-checked={guided}
          onChange={(event) => guidedModeToggled(event.target.checked)}
          className="size-4 accent-indigo-600"
        />
        Guided mode
      </label>
      {/* relative: the states' screen-reader-only text is positioned, and would otherwise widen the page past the strip it scrolls in. */}
      <ol className="relative flex gap-1 overflow-x-auto split:min-w-0 split:flex-1 wide:flex-initial wide:flex-col">
        {WALKTHROUGH_STEPS.map((step) => {
          const state = progress[step.id]
          return (
            <li key={step.id} className="flex items-center gap-1 whitespace-nowrap">
              <span aria-hidden="true" className={`w-4 text-center text-sm ${STATE_CLASS[state]}`}>
                {STATE_MARK[state]}
              </span>
              {/* In the side column a wide UI font puts the state under the step's name rather than clipping it. */}
              <span className="flex items-center gap-1 wide:flex-wrap">
                <a
                  href={`#${step.id}`}
                  aria-current={next?.id === step.id ? 'step' : undefined}
                  aria-describedby={`${nextId}-${step.id}`}
                  className="rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-200 aria-[current=step]:font-semibold dark:text-slate-200 dark:hover:bg-slate-800"
                >
                  {step.label}
                </a>
                <span id={`${nextId}-${step.id}`} className={`text-xs ${STATE_CLASS[state]}`}>
                  <span className="sr-only">: </span>
                  {STATE_TEXT[state]}
                </span>
              </span>
            </li>
          )
        })}
        {otherSteps.map((step) => (
          <li key={step.id} className="flex items-center gap-1 whitespace-nowrap">
            <span aria-hidden="true" className="w-4" />
            <a
              href={`#${step.id}`}
              className="rounded-md px-1.5 py-1 text-sm text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {step.label}
            </a>
          </li>
        ))}
      </ol>
      <section aria-label="What to do next" className="hidden rounded-md bg-slate-100 p-2 text-xs leading-relaxed wide:block dark:bg-slate-800/60">
        {next ? (
          <>
            <p className="font-semibold">
              Next: {next.label}
            </p>
            {nextGuide && <p>{nextGuide}</p>}
          </>
        ) : (
          <p className="font-semibold">The walk-through is done.</p>
        )}
      </section>
      <button
        type="button"
        onClick={startOver}
        className="shrink-0 self-start rounded-md border border-slate-300 px-2 py-1 text-xs split:self-center wide:self-start hover:bg-slate-200 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        Start over
      </button>
    </nav>
  )
}
