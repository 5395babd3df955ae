import { describe, expect, it } from 'vitest'
import { sha256 } from './sha256.ts'

const hex = (bytes: Uint8Array | ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
const text = (value: string) => new TextEncoder().encode(value)

describe('sha256 without Web Crypto', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(text('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(hex(sha256(text('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('agrees with Web Crypto at every length around the block and padding edges', async () => {
    for (let length = 0; length <= 200; length++) {
      const data = new Uint8Array(length).map((_, index) => (index * 31 + length) & 0xff)
      expect(hex(sha256(data))).toBe(hex(await crypto.subtle.digest('SHA-256', data)))
    }
  })
})
