import { Disclosure } from '../components/ui/disclosure.tsx'
import { loadOnFirstUse } from '../components/ui/load-on-first-use.tsx'

// The panel (its field, its checks) loads when first opened, or when the pointer or focus comes to it.
const panel = loadOnFirstUse<object>('the limits', () => import('./limits-settings-panel.tsx').then((module) => module.LimitsSettingsPanel))

/** The header's Limits menu: the limits every request keeps to, where a person can see and change them. */
export function LimitsSettings() {
  const preload = () => void panel.preload().catch(() => undefined)
  return (
    <Disclosure
      summary="Limits"
      className="relative text-sm"
      summaryClassName="cursor-pointer rounded-md px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
      onSummaryIntent={preload}
    >
      <div className="absolute right-0 z-20 mt-1 flex w-72 flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <panel.Component />
      </div>
    </Disclosure>
  )
}
