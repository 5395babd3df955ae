import { vi } from 'vitest'

/**
 * Collects what oidc-provider prints through console.info/warn ("oidc-provider NOTICE/WARNING: ..."): each
 * one means a hook or default the sandbox should have supplied. Start it before the sandbox starts.
 */
export function captureProviderNotices() {
  const notices: string[] = []
  const spies = (['info', 'warn', 'error'] as const).map((level) => {
    const original = console[level].bind(console)
    return vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const text = args.map(String).join(' ')
      if (text.includes('oidc-provider')) notices.push(text)
      else original(...args)
    })
  })
  return {
    notices,
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  }
}
