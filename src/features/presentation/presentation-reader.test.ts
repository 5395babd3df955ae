import { readSavedPresentation } from './presentation-reader.ts'

describe('readSavedPresentation', () => {
  it('reads a saved choice back', () => {
    expect(readSavedPresentation({ presentation: true })).toBe(true)
    expect(readSavedPresentation({ presentation: false })).toBe(false)
  })

  it.each([[undefined], [null], ['true'], [{ presentation: 'yes' }], [[true]]])('falls back to off for %j', (saved) => {
    expect(readSavedPresentation(saved)).toBe(false)
  })
})
