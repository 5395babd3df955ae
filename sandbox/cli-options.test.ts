import { describe, expect, test } from 'vitest'
import { parseCommandLine } from './cli-options.ts'
import { DEFAULT_OPTIONS, NO_QUIRKS } from './configuration.ts'

describe('parseCommandLine', () => {
  test('no arguments and no environment give the defaults', () => {
    expect(parseCommandLine([], {})).toEqual({ kind: 'options', options: DEFAULT_OPTIONS })
  })

  test('flags win over SANDBOX_* variables, which win over defaults', () => {
    const parsed = parseCommandLine(['--port', '9000', '--interval=2'], {
      SANDBOX_PORT: '7000',
      SANDBOX_DEVICE_CODE_TTL: '30',
      SANDBOX_ALLOWED_ORIGINS: 'http://localhost:3000, http://127.0.0.1:3000',
      SANDBOX_PUBLIC_URL: 'http://192.168.1.20:9000/',
    })

    expect(parsed).toEqual({
      kind: 'options',
      options: {
        ...DEFAULT_OPTIONS,
        port: 9000,
        interval: 2,
        deviceCodeTtl: 30,
        allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
        publicUrl: 'http://192.168.1.20:9000',
      },
    })
  })

  test.each([
    [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc"'],
    [['--interval', '0'], '--interval must be a whole number from 1 to 3600, got "0"'],
    [
      ['--allowed-origins', 'http://localhost:5173/app'],
      '--allowed-origins must be an origin (scheme, host, port; no path), got "http://localhost:5173/app"',
    ],
    [['--public-url', 'phone'], '--public-url must be an origin like http://127.0.0.1:5173, got "phone"'],
    [['--colour', 'red'], 'unknown option --colour'],
    [['--host'], '--host needs a value'],
  ])('%j is an error: %s', (argv, message) => {
    expect(parseCommandLine(argv, {})).toEqual({ kind: 'error', message })
  })

  test('quirk flags switch on one pitfall each; --cors-origins none allows no origin', () => {
    const parsed = parseCommandLine(
      ['--cors-origins', 'none', '--quirk', 'poll-requires-client-id', '--strict-auth-method', '--no-interval', '--no-complete-uri', '--slow-down-first'],
      {},
    )

    expect(parsed).toEqual({
      kind: 'options',
      options: {
        ...DEFAULT_OPTIONS,
        allowedOrigins: [],
        quirks: { pollRequiresClientId: true, strictAuthMethod: true, noInterval: true, noCompleteUri: true, slowDownFirst: true },
      },
    })
    expect(parseCommandLine(['--strict-auth-method'], {})).toMatchObject({ options: { quirks: { ...NO_QUIRKS, strictAuthMethod: true } } })
  })

  test('an unknown --quirk is an error naming the known ones', () => {
    expect(parseCommandLine(['--quirk', 'teapot'], {})).toEqual({
      kind: 'error',
      message: '--quirk must be one of poll-requires-client-id, got "teapot"',
    })
  })

  test('--help asks for the usage text', () => {
    expect(parseCommandLine(['--port', '1', '--help'], {})).toEqual({ kind: 'help' })
  })
})
