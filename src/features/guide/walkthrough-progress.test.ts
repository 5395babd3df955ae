import type { ExchangeStep, HttpExchange } from '../../protocol/http-exchange.ts'
import { ExchangeLog } from '../../state/exchange-log.ts'
import { nextStep, walkthroughProgress } from './walkthrough-progress.ts'

function exchange(step: ExchangeStep, status: number | null, startedAt: number, body = '{}'): HttpExchange {
  return {
    id: `${step}-${startedAt}`,
    step,
    startedAt,
    durationMs: 5,
    request: { method: 'POST', url: 'http://idp.example/x', headers: [], body: null },
    response: status === null ? null : { status, statusText: '', headers: [], body },
    failure: status === null ? { kind: 'network', message: 'offline' } : null,
  }
}

describe('walkthroughProgress', () => {
  it('starts with every step not started and Environment next', () => {
    const progress = walkthroughProgress([], 0)
    expect(Object.values(progress)).toEqual(Array(6).fill('not_started'))
    expect(nextStep(progress)?.id).toBe('environment')
  })

  it('marks steps done or failed by their latest exchange, so a redone step counts as done', () => {
    const progress = walkthroughProgress(
      [
        exchange('discovery', 200, 1),
        exchange('client-credentials', 401, 2, '{"error":"invalid_client"}'),
        exchange('client-credentials', 200, 3),
        exchange('external-api', null, 4),
      ],
      0,
    )
    expect(progress).toMatchObject({ environment: 'done', 'client-credentials': 'done', 'external-api': 'failed', 'device-flow': 'not_started' })
    expect(nextStep(progress)?.id).toBe('external-api')
  })

  it('treats authorization_pending and slow_down as waiting, access_denied as failed, tokens as done', () => {
    const at = (body: string, status = 400) => walkthroughProgress([exchange('device-poll', status, 1, body)], 0)
    expect(at('{"error":"authorization_pending"}').poll).toBe('waiting')
    expect(at('{ "error": "slow_down" }').poll).toBe('waiting')
    expect(at('{"error":"access_denied"}').poll).toBe('failed')
    expect(at('{"access_token":"x"}', 200)).toMatchObject({ poll: 'done', tokens: 'done' })
  })

  it('counts only what happened since the walk-through started over, and names no next step when all is done', () => {
    const steps: ExchangeStep[] = ['discovery', 'client-credentials', 'external-api', 'device-authorization', 'device-poll']
    const log = steps.map((step, index) => exchange(step, 200, index + 1))
    expect(nextStep(walkthroughProgress(log, 0))).toBeNull()
    expect(Object.values(walkthroughProgress(log, 100))).toEqual(Array(6).fill('not_started'))
  })

  it("follows the store's log as it grows, drops its oldest and is cleared, as if read afresh each time", () => {
    const fresh = (log: ExchangeLog, since: number) => walkthroughProgress(log.toArray(), since)
    let log = ExchangeLog.EMPTY
    const append = (added: HttpExchange[], cap = 4) => {
      log = log.appended(added, cap).log
      expect(walkthroughProgress(log, 0)).toEqual(fresh(log, 0))
    }
    append([exchange('discovery', 200, 1), exchange('client-credentials', 401, 2)])
    append([exchange('client-credentials', 200, 3)])
    // The cap drops the discovery: Environment is no longer known to be done.
    append([exchange('external-api', 500, 4), exchange('device-authorization', 200, 5)])
    expect(walkthroughProgress(log, 0).environment).toBe('not_started')
    append([exchange('external-api', 201, 6)])
    expect(walkthroughProgress(log, 0)['external-api']).toBe('done')
    expect(walkthroughProgress(log, 5)).toEqual(fresh(log, 5))
    log = ExchangeLog.EMPTY
    append([exchange('device-poll', 400, 7, '{"error":"slow_down"}')])
    expect(walkthroughProgress(log, 0)).toMatchObject({ environment: 'not_started', poll: 'waiting' })
  })
})
