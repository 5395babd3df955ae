import { loadOnce } from './load-once.ts'

describe('loadOnce', () => {
  it('loads once however often it is asked, and hands the module over once it is in', async () => {
    const load = vi.fn(async () => ({ name: 'module' }))
    const onDemand = loadOnce(load)
    expect(onDemand.loaded()).toBeUndefined()
    const first = await onDemand.load()
    const again = await onDemand.load()
    expect(load).toHaveBeenCalledTimes(1)
    expect(again).toBe(first)
    expect(onDemand.loaded()).toBe(first)
  })

  it('gives callers that come while it loads the one load and the same promise', async () => {
    let arrive: (module: string) => void = () => {}
    const load = vi.fn(() => new Promise<string>((resolve) => (arrive = resolve)))
    const onDemand = loadOnce(load)
    const [first, second] = [onDemand.load(), onDemand.load()]
    expect(second).toBe(first)
    arrive('module')
    expect(await Promise.all([first, second])).toEqual(['module', 'module'])
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries again after a failed load, and does not hand over a module it does not have', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('module')
    const onDemand = loadOnce(load)
    await expect(onDemand.load()).rejects.toThrow('offline')
    expect(onDemand.loaded()).toBeUndefined()
    expect(await onDemand.load()).toBe('module')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('tells onLoaded once, when loaded() already returns the module', async () => {
    const seen: (string | undefined)[] = []
    const onDemand = loadOnce(
      async () => 'module',
      () => seen.push(onDemand.loaded()),
    )
    await onDemand.load()
    await onDemand.load()
    expect(seen).toEqual(['module'])
  })
})
