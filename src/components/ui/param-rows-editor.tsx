import { Button } from './button.tsx'

export interface EditableRow {
  name: string
  value: string
  enabled: boolean
}

interface ParamRowsEditorProps {
  /** Names the group and each control: "Extra parameters" → "Extra parameters 1 name". */
  label: string
  rows: EditableRow[]
  onRowsChange: (rows: EditableRow[]) => void
  addLabel?: string
}

/** Name/value rows that can be switched off without being deleted, as in API clients people know. */
export function ParamRowsEditor({ label, rows, onRowsChange, addLabel = 'Add row' }: ParamRowsEditorProps) {
  const change = (index: number, patch: Partial<EditableRow>) =>
    onRowsChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-300">{label}</legend>
      {rows.map((row, index) => (
        <div key={index} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={row.enabled}
            aria-label={`${label} ${index + 1} enabled`}
            onChange={(event) => change(index, { enabled: event.target.checked })}
            className="size-4 accent-indigo-600"
          />
          <input
            value={row.name}
            aria-label={`${label} ${index + 1} name`}
            placeholder="name"
            spellCheck={false}
            onChange={(event) => change(index, { name: event.target.value })}
            className="w-2/5 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
          <input
            value={row.value}
            aria-label={`${label} ${index + 1} value`}
            placeholder="value"
            spellCheck={false}
            onChange={(event) => change(index, { value: event.target.value })}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 font-mono text-xs dark:border-slate-600 dark:bg-slate-900"
          />
          <Button
            variant="ghost"
            aria-label={`Remove ${label.toLowerCase()} ${index + 1}`}
            onClick={() => onRowsChange(rows.filter((_, i) => i !== index))}
          >
            ✕
          </Button>
        </div>
      ))}
      <div>
        <Button variant="secondary" onClick={() => onRowsChange([...rows, { name: '', value: '', enabled: true }])}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  )
}
