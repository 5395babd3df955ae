import './zod-jitless.ts'
import { config } from 'zod/mini'

describe('zod-jitless', () => {
  it('turns jitless on in the settings object zod itself reads, without importing zod', () => {
    expect(config().jitless).toBe(true)
    // zod adopts whatever object is there before it loads: the first view sets it with zod not yet loaded.
    expect(config()).toBe((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig)
  })
})
