import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useObtainedTokens, useTokenActions } from './token-store.ts'

describe('token store', () => {
  it('keeps the tokens stored before as they were when another arrives', () => {
    const { result } = renderHook(() => ({ tokens: useObtainedTokens(), actions: useTokenActions() }))
    act(() => {
      result.current.actions.tokensCleared()
      result.current.actions.tokensObtained({ step: 'refresh', environmentId: 'env', clientProfileId: null, client_id: 'www', obtainedAt: 0, tokens: { access_token: 'a', token_type: 'Bearer' } })
    })
    const first = result.current.tokens[0]
    act(() => {
      result.current.actions.tokensObtained({ step: 'refresh', environmentId: 'env', clientProfileId: null, client_id: 'www', obtainedAt: 1, tokens: { access_token: 'b', token_type: 'Bearer' } })
    })
    expect(result.current.tokens).toHaveLength(2)
    // Same object: a memoised entry for it does not render again.
    expect(result.current.tokens[0]).toBe(first)
  })

  it("keeps a step's reply as obtained now by the client that asked, labelled with the step", () => {
    const { result } = renderHook(() => ({ tokens: useObtainedTokens(), actions: useTokenActions() }))
    const before = Date.now()
    act(() => {
      result.current.actions.tokensCleared()
      result.current.actions.replyTokensKept('device-poll', { environmentId: 'env', clientProfileId: 'profile', client_id: 'device' }, { access_token: 'a', token_type: 'Bearer' })
    })
    const [stored] = result.current.tokens
    expect(stored).toMatchObject({ step: 'device-poll', environmentId: 'env', clientProfileId: 'profile', client_id: 'device', label: '#1 Device flow · device' })
    expect(stored?.obtainedAt).toBeGreaterThanOrEqual(before)
  })
})
