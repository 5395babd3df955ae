import { expect, type Locator } from '@playwright/test'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

/** What a QR code on screen says, read from its pixels as a phone's camera would; null when none can be read. */
export async function readQrCode(image: Locator): Promise<string | null> {
  const { data, width, height } = PNG.sync.read(await image.screenshot())
  // Dark on light only, as the console draws it: half the decoding of trying the inverted image too.
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

/**
 * Waits until the QR code reads as `expected`. A blank square stands in while the encoder loads, so "an
 * image named QR code is visible" alone would pass without any code drawn.
 */
export async function expectQrCodeOf(image: Locator, expected: string) {
  await expect.poll(() => readQrCode(image), { message: 'what the QR code says when scanned' }).toBe(expected)
}
