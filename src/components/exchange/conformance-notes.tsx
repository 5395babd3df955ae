/** What the protocol library objected to in a reply that was still usable: shown, never hidden. */
export function ConformanceNotes({ notes }: { notes: readonly string[] }) {
  return notes.map((note) => (
    <p key={note} className="mt-1 text-amber-800 dark:text-amber-300">
      Conformance note: {note}
    </p>
  ))
}
