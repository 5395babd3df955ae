import { SelectField } from '../../components/ui/fields.tsx'
import { formatCount } from '../../components/ui/format-count.ts'
import { useDroppedCount, useHttpLogActions, useLogCap } from '../../state/http-log-store.ts'

const CAP_CHOICES = [500, 1_000, 5_000, 10_000, 20_000, 50_000, 100_000]

/** How many exchanges the log keeps, and how many it has let go to stay within that. */
export function LogCapControl() {
  const cap = useLogCap()
  const dropped = useDroppedCount()
  const { capChanged } = useHttpLogActions()
  const choices = CAP_CHOICES.includes(cap) ? CAP_CHOICES : [...CAP_CHOICES, cap].sort((a, b) => a - b)
  return (
    <div className="flex flex-wrap items-end justify-between gap-2 border-t border-slate-200 px-3 py-2 dark:border-slate-800">
      <SelectField
        label="Keep at most"
        fieldClassName="w-40"
        value={String(cap)}
        options={choices.map((choice) => ({ value: String(choice), label: `${formatCount(choice)} exchanges` }))}
        onValueChange={(value) => capChanged(Number(value))}
      />
      {dropped > 0 && (
        <p role="status" className="text-xs text-amber-700 dark:text-amber-400">
          {formatCount(dropped)} older {dropped === 1 ? 'exchange' : 'exchanges'} dropped
        </p>
      )}
    </div>
  )
}
