import { memo } from 'react'
import { SelectField, TextField } from '../../components/ui/fields.tsx'
import type { ExchangeStep } from '../../protocol/http-exchange.ts'
import { STATUS_LABELS, STEP_LABELS, type LogFilter, type StatusFilter } from './log-filter.ts'

const STEP_OPTIONS = [
  { value: 'all', label: 'All steps' },
  ...Object.entries(STEP_LABELS).map(([value, label]) => ({ value, label })),
]
const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))

interface LogFilterBarProps {
  filter: LogFilter
  onFilterChange: (filter: LogFilter) => void
}

/** Memoised: an exchange recorded by a click redraws the list and its count, not these fields. */
export const LogFilterBar = memo(function LogFilterBar({ filter, onFilterChange }: LogFilterBarProps) {
  return (
    <div role="search" aria-label="Filter the HTTP log" className="grid grid-cols-2 gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-800">
      <SelectField
        label="Step"
        value={filter.step}
        options={STEP_OPTIONS}
        onValueChange={(step) => onFilterChange({ ...filter, step: step as ExchangeStep | 'all' })}
      />
      <SelectField
        label="Status"
        value={filter.status}
        options={STATUS_OPTIONS}
        onValueChange={(status) => onFilterChange({ ...filter, status: status as StatusFilter })}
      />
      <TextField
        label="Search"
        type="search"
        fieldClassName="col-span-2"
        placeholder="Text in a URL, header or body"
        value={filter.search}
        onValueChange={(search) => onFilterChange({ ...filter, search })}
      />
    </div>
  )
})
