import { describe, expect, test } from 'vitest'
import { connectSources, consoleHeaders, consolePolicy } from './content-security-policy.ts'

describe('consolePolicy', () => {
  test('own scripts and styles only, no plugins, no foreign <base>, forms to itself; frame-ancestors only as a header', () => {
    const header = consolePolicy({ connect: ['http:', 'https:'], delivery: 'header' })
    const meta = consolePolicy({ connect: ['http:', 'https:'], delivery: 'meta' })

    expect(header).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self' http: https:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    )
    // Browsers ignore frame-ancestors in a meta tag and say so on the console.
    expect(meta).toBe(header.replace("; frame-ancestors 'none'", ''))
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  test("vite dev adds its start's nonce to scripts and styles, and nothing else", () => {
    expect(consolePolicy({ connect: [], delivery: 'header', devNonce: 'abc' })).toContain("script-src 'self' 'nonce-abc'; style-src 'self' 'nonce-abc'")
  })

  test('headers: the policy, X-Frame-Options DENY and nosniff', () => {
    expect(consoleHeaders({ connect: ['https://idp.example'] })).toEqual({
      'Content-Security-Policy': expect.stringContaining("connect-src 'self' https://idp.example;"),
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
    })
  })
})

describe('connectSources', () => {
  test('by default http and https anywhere, since the person names the servers at run time', () => {
    expect(connectSources({})).toEqual(['http:', 'https:'])
    expect(connectSources({ CONSOLE_CONNECT_SRC: ' ' })).toEqual(['http:', 'https:'])
  })

  test('CONSOLE_CONNECT_SRC pins it to those origins, plus a relay on its own origin', () => {
    expect(
      connectSources({
        CONSOLE_CONNECT_SRC: 'https://idp.example.com/oauth/v2, http://127.0.0.1:8443 https://idp.example.com',
        VITE_RELAY_URL: 'http://127.0.0.1:8787/relay',
      }),
    ).toEqual(['https://idp.example.com', 'http://127.0.0.1:8443', 'http://127.0.0.1:8787'])
  })

  test('a value that is not an http(s) origin is refused with the variable named', () => {
    expect(() => connectSources({ CONSOLE_CONNECT_SRC: 'idp.example.com' })).toThrow(
      'CONSOLE_CONNECT_SRC: "idp.example.com" is not an origin such as https://idp.example.com',
    )
    expect(() => connectSources({ CONSOLE_CONNECT_SRC: 'wss://idp.example.com' })).toThrow('CONSOLE_CONNECT_SRC: "wss://idp.example.com" is not http or https')
  })
})
