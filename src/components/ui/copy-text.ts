/**
 * Copies text with the Clipboard API where the page may use it (a secure context), and otherwise
 * with a hidden textarea and `execCommand('copy')`: over plain http from another machine (a room of
 * phones on the LAN) the Clipboard API does not exist. False when neither worked, so the caller can
 * offer the text to copy by hand.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text)
      return true
    } catch {
      // Refused (permissions, focus): the legacy path below may still work.
    }
  }
  return copyWithTextarea(text)
}

function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  // Off screen but rendered, so it can hold a selection; styles set through the CSSOM pass a strict CSP.
  area.style.position = 'fixed'
  area.style.top = '0'
  area.style.left = '-9999px'
  area.style.opacity = '0'
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null
  document.body.append(area)
  area.focus()
  area.select()
  area.setSelectionRange(0, text.length)
  let copied = false
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  focused?.focus()
  return copied
}
