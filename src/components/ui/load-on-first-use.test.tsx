import { act, render, screen } from '@testing-library/react'
import { loadOnFirstUse } from './load-on-first-use.tsx'

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>
}

describe('loadOnFirstUse', { timeout: 30_000 }, () => {
  it('shows a named loading state, then the component once its code arrives', async () => {
    let arrive: (component: typeof Greeting) => void = () => {}
    const { Component } = loadOnFirstUse('the greeting', () => new Promise<typeof Greeting>((resolve) => (arrive = resolve)))
    await act(async () => {
      render(<Component name="room" />)
    })
    expect(screen.getByRole('status')).toHaveTextContent('Loading the greeting…')

    await act(async () => arrive(Greeting))
    expect(screen.getByText('Hello room')).toBeVisible()
  })

  it('renders code fetched ahead in the first render, with no loading frame', async () => {
    const { Component, preload } = loadOnFirstUse('the greeting', () => Promise.resolve(Greeting))
    await preload()
    render(<Component name="projector" />)
    expect(screen.getByText('Hello projector')).toBeVisible()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('tries a failed fetch again on the next preload', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Greeting)
    const { preload } = loadOnFirstUse('the greeting', load)
    await expect(preload()).rejects.toThrow('offline')
    await expect(preload()).resolves.toBe(Greeting)
    expect(load).toHaveBeenCalledTimes(2)
  })
})
