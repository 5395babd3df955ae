import { loadOnFirstUse } from '../ui/load-on-first-use.tsx'
import type { GuidedStepNoteProps } from './guided-step-guide.tsx'
import { useGuidedMode } from './guided-mode.ts'

// The guide's words and its reply explanations (with the OAuth error glossary) load when guided mode is
// first turned on, not with the first view.
const guide = loadOnFirstUse<GuidedStepNoteProps>('the guide', () => import('./guided-step-guide.tsx').then((module) => module.GuidedStepGuide))

/** The guided walk-through inside one step (guided-step-guide.tsx); nothing when guided mode is off. */
export function GuidedStepNote(props: GuidedStepNoteProps) {
  const guided = useGuidedMode()
  if (!guided.enabled) return null
  return <guide.Component {...props} />
}
