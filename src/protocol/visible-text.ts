/**
 * Characters that change how text looks without being seen: C0/C1 controls (ANSI escapes start
 * with ESC), bidirectional overrides and isolates (an RTL override reverses what follows), zero
 * width marks and the byte order mark. Tab and line feed stay: they are plain layout.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g

/**
 * Server text made visibly what it is: every invisible or direction-changing character written as
 * `\u{202E}`, so what is on screen is what was sent. `escaped` says whether anything changed.
 * Unicode TR #9 (bidi controls), ECMA-48 (control functions).
 */
export function escapeInvisible(text: string): { text: string; escaped: boolean } {
  let escaped = false
  const visible = text.replace(INVISIBLE, (character) => {
    escaped = true
    return `\\u{${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`
  })
  return { text: visible, escaped }
}

/** At most `max` characters of server or user text, marked when cut, for messages and titles. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text
}
