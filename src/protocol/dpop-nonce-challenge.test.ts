import { describe, expect, it } from 'vitest'
import { carriedDpopProof, dpopNonceChallenge } from './dpop-nonce-challenge.ts'
import type { HttpExchange } from './http-exchange.ts'

function exchange(status: number, body: string, { proof = true, nonce }: { proof?: boolean; nonce?: string } = {}): HttpExchange {
  return {
    id: `x-${status}`, step: 'client-credentials', startedAt: 0, durationMs: 1, failure: null,
    request: { method: 'POST', url: 'https://as.example/token', headers: proof ? [{ name: 'DPoP', value: 'eyJ...' }] : [], body: 'grant_type=client_credentials' },
    response: { status, statusText: '', headers: nonce ? [{ name: 'DPoP-Nonce', value: nonce }] : [], body },
  }
}

const refusal = '{"error":"use_dpop_nonce","error_description":"nonce is required in the DPoP proof"}'

describe('dpopNonceChallenge', () => {
  it('finds the use_dpop_nonce refusal before the retry, with the nonce the server sent', () => {
    const refused = exchange(400, refusal, { nonce: 'n-1' })
    expect(dpopNonceChallenge([refused, exchange(200, '{}')])).toEqual({ nonce: 'n-1', exchange: refused })
  })

  it('has a null nonce when the browser could not read DPoP-Nonce (not exposed by CORS)', () => {
    expect(dpopNonceChallenge([exchange(400, refusal), exchange(200, '{}')])?.nonce).toBeNull()
  })

  it.each([
    ['a single exchange', [exchange(200, '{}')]],
    ['another error before', [exchange(400, '{"error":"invalid_dpop_proof"}'), exchange(200, '{}')]],
    ['a body that is not JSON', [exchange(400, 'use_dpop_nonce'), exchange(200, '{}')]],
    ['requests without proofs', [exchange(400, refusal, { proof: false }), exchange(200, '{}', { proof: false })]],
  ])('is null for %s', (_, exchanges) => {
    expect(dpopNonceChallenge(exchanges)).toBeNull()
  })

  it('knows a request with a DPoP header, whatever its case', () => {
    expect(carriedDpopProof(exchange(200, '{}'))).toBe(true)
    expect(carriedDpopProof(exchange(200, '{}', { proof: false }))).toBe(false)
    expect(carriedDpopProof(null)).toBe(false)
  })
})
