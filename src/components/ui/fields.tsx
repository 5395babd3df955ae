import { useId, type ChangeEvent, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'

const controlClass =
  'w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 aria-[invalid=true]:border-rose-500 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100'

interface FieldShellProps {
  id: string
  label: string
  hint?: ReactNode
  error?: string | null
  children: ReactNode
  className?: string
}

function FieldShell({ id, label, hint, error, children, className = '' }: FieldShellProps) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs font-semibold text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  )
}

function describedBy(id: string, hint: ReactNode, error: string | null | undefined) {
  if (error) return `${id}-error`
  return hint ? `${id}-hint` : undefined
}

/** What a text input and a text area share: a label, a value, a hint or an error below. */
interface TextControlOwnProps {
  label: string
  value: string
  onValueChange: (value: string) => void
  hint?: ReactNode
  error?: string | null
  fieldClassName?: string
}

/** The props that wire a text control to its value, its label's id and its hint or error. */
function textControlProps(id: string, { value, onValueChange, hint, error }: Pick<TextControlOwnProps, 'value' | 'onValueChange' | 'hint' | 'error'>) {
  return {
    id,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onValueChange(event.target.value),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    spellCheck: false,
  }
}

type TextFieldProps = TextControlOwnProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>

export function TextField({ label, value, onValueChange, hint, error, fieldClassName, className = '', ...rest }: TextFieldProps) {
  const id = useId()
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <input
        {...textControlProps(id, { value, onValueChange, hint, error })}
        autoComplete="off"
        className={`${controlClass} ${className}`}
        {...rest}
      />
    </FieldShell>
  )
}

type TextAreaFieldProps = TextControlOwnProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'>

export function TextAreaField({ label, value, onValueChange, hint, error, fieldClassName, className = '', ...rest }: TextAreaFieldProps) {
  const id = useId()
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      <textarea {...textControlProps(id, { value, onValueChange, hint, error })} className={`${controlClass} font-mono ${className}`} {...rest} />
    </FieldShell>
  )
}

export interface SelectOption {
  value: string
  label: string
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string
  value: string
  options: readonly SelectOption[]
  onValueChange: (value: string) => void
  hint?: ReactNode
  fieldClassName?: string
  /**
   * Drawn as text (the chosen option's label) in the same box, without its <select>: for a field in a long
   * list that is not on screen yet. Each <select> added to the page makes Chrome's autofill read every form
   * on it again, so a list that grows with each click adds its selects when they come into view.
   */
  asText?: boolean
}

export function SelectField({ label, value, options, onValueChange, hint, fieldClassName, className = '', asText = false, ...rest }: SelectFieldProps) {
  const id = useId()
  if (asText) {
    return (
      <div className={`flex flex-col gap-1 ${fieldClassName ?? ''}`}>
        <span className="text-xs font-semibold text-slate-600 dark:text-slate-300">{label}</span>
        <span className={`${controlClass} flex items-center ${className}`}>{options.find((option) => option.value === value)?.label ?? value}</span>
        {hint && <p className="text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
      </div>
    )
  }
  return (
    <FieldShell id={id} label={label} hint={hint} className={fieldClassName}>
      <select
        id={id}
        value={value}
        onChange={(event) => onValueChange(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className={`${controlClass} ${className}`}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

interface CheckboxFieldProps {
  label: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  hint?: ReactNode
  disabled?: boolean
}

export function CheckboxField({ label, checked, onCheckedChange, hint, disabled }: CheckboxFieldProps) {
  const id = useId()
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 accent-indigo-600"
      />
      <div>
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </p>
        )}
      </div>
    </div>
  )
}
