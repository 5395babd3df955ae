import { describe, expect, it } from 'vitest'
import { escapeInvisible } from './visible-text.ts'

describe('escapeInvisible', () => {
  it('writes an RTL override and ANSI colour escapes as visible escapes', () => {
    expect(escapeInvisible('AB\u202Eevil\u202C\u001b[31mRED\u001b[0mCD')).toEqual({
      text: 'AB\\u{202E}evil\\u{202C}\\u{001B}[31mRED\\u{001B}[0mCD',
      escaped: true,
    })
  })
  it('leaves plain text, tabs and line breaks alone', () => {
    expect(escapeInvisible('WDJB-MJHT\tline\nnext')).toEqual({ text: 'WDJB-MJHT\tline\nnext', escaped: false })
  })
  it('escapes zero-width characters and the byte order mark', () => {
    expect(escapeInvisible('a\u200Bb\uFEFF').text).toBe('a\\u{200B}b\\u{FEFF}')
  })
})
