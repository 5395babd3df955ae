/**
 * Whether the page has Web Crypto's subtle API. Browsers give it only to secure contexts (https, and http on
 * localhost), so a console opened over plain http from a LAN address, as in a workshop, has none.
 */
export function hasWebCrypto(): boolean {
  return typeof globalThis.crypto?.subtle?.digest === 'function'
}

/** Why `what` cannot run on this page, and how to get a page where it can. */
export function webCryptoMissing(what: string): string {
  return `${what} needs the browser's Web Crypto API, which browsers give only to secure pages: https, or http://localhost on the machine that runs the console. This page is plain http from another address, so it has none.`
}

export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  let binary = ''
  for (const byte of bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
