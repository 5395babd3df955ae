import type { HttpExchange } from './http-exchange.ts'
import { explainReply, GUIDED_STEPS } from './tutorial-guide.ts'

function reply(status: number, body: string): HttpExchange {
  return {
    id: 'x',
    step: 'device-poll',
    startedAt: 0,
    durationMs: 1,
    request: { method: 'POST', url: 'https://idp.example/token', headers: [], body: null },
    response: { status, statusText: '', headers: [], body },
    failure: null,
  }
}

describe('the guided walk-through texts', () => {
  it('say in two or three sentences what each step is about to do, and name the next step', () => {
    for (const step of Object.values(GUIDED_STEPS)) {
      const sentences = step.about.split(/(?<=\.) /)
      expect(sentences.length).toBeGreaterThanOrEqual(2)
      expect(sentences.length).toBeLessThanOrEqual(3)
      expect(step.next).not.toBe('')
    }
  })

  it('explain each reply with the RFC section it follows', () => {
    expect(explainReply('device-poll', null)).toBeNull()
    expect(explainReply('device-poll', reply(400, '{"error":"authorization_pending"}'))).toMatchObject({ done: false, reference: 'RFC 8628 §3.5' })
    expect(explainReply('device-poll', reply(200, '{"access_token":"a"}'))).toMatchObject({ done: true, reference: expect.stringContaining('RFC 8628 §3.5') })
    expect(explainReply('client-credentials', reply(200, '{"access_token":"a","scope":"dcr","expires_in":3600}'))).toMatchObject({
      done: true,
      text: expect.stringContaining('scope "dcr"'),
      reference: 'RFC 6749 §4.4.3, §5.1',
    })
    expect(explainReply('client-credentials', reply(401, '{"error":"invalid_client"}'))).toMatchObject({ done: false, text: expect.stringMatching(/^invalid_client: /), reference: 'RFC 6749 §5.2' })
    expect(explainReply('external-api', reply(201, '{}'))).toMatchObject({ done: true, reference: 'RFC 7591 §3.2.1' })
    expect(explainReply('discovery', reply(500, '<html>'))).toMatchObject({ done: false, text: expect.stringContaining('HTTP 500') })
  })
})
