import { loadedMaskingRule, loadMaskingRule } from '../../components/ui/secret-masking.ts'
import { usePresentationActions, usePresentationMode } from './presentation-store.ts'

/** The header switch: hides every secret on screen and enlarges text for a projector or a shared screen. */
export function PresentationSwitch() {
  const presentation = usePresentationMode()
  const { presentationToggled } = usePresentationActions()
  const preload = () => void loadMaskingRule().catch(() => undefined)
  // Nothing secret may show unmasked: presentation mode goes on once the masking rule is there (loaded
  // ahead when the pointer or focus comes here, so usually at once).
  const toggle = (on: boolean) => {
    if (!on || loadedMaskingRule()) presentationToggled(on)
    else loadMaskingRule().then(() => presentationToggled(true), () => undefined)
  }
  return (
    <label className="flex shrink-0 items-center gap-2 text-sm">
      <input
        type="checkbox"
        role="switch"
        checked={presentation}
        aria-checked={presentation}
        onChange={(event) => toggle(event.target.checked)}
        onPointerEnter={preload}
        onFocus={preload}
        className="size-4 accent-indigo-600"
      />
      Presentation mode
    </label>
  )
}
