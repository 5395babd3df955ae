import { usePresentationActions, usePresentationMode } from './presentation-store.ts'

/** The header switch: hides every secret on screen and enlarges text for a projector or a shared screen. */
export function PresentationSwitch() {
  const presentation = usePresentationMode()
  const { presentationToggled } = usePresentationActions()
  return (
    <label className="flex shrink-0 items-center gap-2 text-sm">
      <input
        type="checkbox"
        role="switch"
        checked={presentation}
        aria-checked={presentation}
        onChange={(event) => presentationToggled(event.target.checked)}
        className="size-4 accent-indigo-600"
      />
      Presentation mode
    </label>
  )
}
