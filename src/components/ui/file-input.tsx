import { useId, type ChangeEvent } from 'react'

/** FileReader rather than Blob.text(): the one every browser (and jsdom) has. */
function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsText(file)
  })
}

export interface FileInputProps {
  label: string
  accept: string
  onText: (text: string) => void
  onUnreadable: (message: string) => void
  /** Larger files are refused before they are read, with the limit named. */
  maxBytes?: number
}

/** A labelled file picker that hands over the chosen file's text, or says why it could not be read. */
export function FileInput({ label, accept, onText, onUnreadable, maxBytes }: FileInputProps) {
  const id = useId()
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    if (maxBytes !== undefined && file.size > maxBytes) {
      onUnreadable(`The file is ${file.size.toLocaleString('en')} bytes; at most ${maxBytes.toLocaleString('en')} bytes are read here.`)
      input.value = ''
      return
    }
    try {
      onText(await readFileText(file))
    } catch (error) {
      onUnreadable(`The file could not be read: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      // Cleared so choosing the same file again (after fixing it) imports again.
      input.value = ''
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-semibold text-slate-600 dark:text-slate-300">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        onChange={(event) => void onChange(event)}
        className="text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
      />
    </div>
  )
}
