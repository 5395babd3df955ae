import { formatCount } from './format-count.ts'

describe('formatCount', () => {
  it('groups thousands with commas, as en-US does', () => {
    for (const count of [0, 7, 999, 1_000, 5_000, 12_345, 100_000, 1_234_567, -4_200]) {
      expect(formatCount(count)).toBe(count.toLocaleString('en-US'))
    }
  })
})
