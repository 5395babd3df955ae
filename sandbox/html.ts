/**
 * Server-rendered HTML where every interpolated value is escaped unless it is itself `Html`, so a client name or a
 * user code typed by someone else can never become markup.
 */
const MARKUP = Symbol('markup')

export interface Html {
  readonly [MARKUP]: string
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && MARKUP in value
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function render(value: unknown): string {
  if (value === undefined || value === null || value === false) return ''
  if (isHtml(value)) return value[MARKUP]
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` fragments and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let markup = strings[0] ?? ''
  values.forEach((value, index) => {
    markup += render(value) + (strings[index + 1] ?? '')
  })
  return { [MARKUP]: markup }
}

/** Markup written in this codebase (a style sheet), never anything that came in with a request. */
export function trustedHtml(markup: string): Html {
  return { [MARKUP]: markup }
}

export function toHtmlString(fragment: Html): string {
  return fragment[MARKUP]
}
