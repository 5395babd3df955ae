/** One request parameter or header as the user edits it: a row that can be switched off. */
export interface ParamRow {
  name: string
  value: string
  enabled: boolean
}

/**
 * The rows that take part in a request, in order, as `[name, value]` pairs: enabled rows whose
 * name is not blank. Repeated names are kept, the way a form or header list allows them.
 * RFC 6749 §3.2 (parameters sent without a value are treated as omitted: blank names are).
 */
export function enabledParams(rows: readonly ParamRow[] | undefined): [string, string][] {
  return (rows ?? [])
    .filter((row) => row.enabled && row.name.trim() !== '')
    .map((row) => [row.name.trim(), row.value])
}
