import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'

// Each test gets the module afresh: react-query not loaded yet, as on a first view.
async function freshModule() {
  vi.resetModules()
  return import('./query-on-demand.ts')
}

describe('useMutationOnDemand', () => {
  it('sends a click that comes before react-query has loaded, once, and shows its result', async () => {
    const { useMutationOnDemand } = await freshModule()
    const mutationFn = vi.fn(async (name: string) => `hello ${name}`)
    function Greeter() {
      const greet = useMutationOnDemand({ mutationFn })
      return (
        <>
          <button type="button" onClick={() => greet.mutate('world')}>
            Greet
          </button>
          {greet.isPending && <p>Sending</p>}
          {greet.data && <p>{greet.data}</p>}
        </>
      )
    }
    render(<Greeter />)
    await userEvent.click(screen.getByRole('button', { name: 'Greet' }))
    expect(await screen.findByText('hello world')).toBeInTheDocument()
    expect(mutationFn).toHaveBeenCalledTimes(1)
  })

  it('sends with the options of the render the click came from', async () => {
    const { loadQueryLayer, useMutationOnDemand } = await freshModule()
    const sent: string[] = []
    function Sender() {
      const [text, setText] = useState('first')
      const send = useMutationOnDemand({ mutationFn: async () => sent.push(text) })
      return (
        <>
          <button type="button" onClick={() => setText('second')}>
            Change
          </button>
          <button type="button" onClick={() => send.mutate()}>
            Send
          </button>
          {send.data !== undefined && <p>Sent {send.data}</p>}
        </>
      )
    }
    render(<Sender />)
    await userEvent.click(screen.getByRole('button', { name: 'Change' }))
    await userEvent.click(screen.getByRole('button', { name: 'Send' }))
    expect(await screen.findByText('Sent 1')).toBeInTheDocument()
    expect(sent).toEqual(['second'])
    // Once loaded, the hook's mutations are in the app's client, where react-query's own tools see them.
    const { queryClient } = await loadQueryLayer()
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1)
  })
})

describe('useQueryOnDemand', () => {
  it('fetches on mount once react-query has loaded, and refetches on demand, in the app client', async () => {
    const { loadQueryLayer, useQueryOnDemand } = await freshModule()
    let calls = 0
    const queryFn = vi.fn(async () => `answer ${++calls}`)
    function Asker() {
      const answer = useQueryOnDemand({ queryKey: ['answer'], queryFn, staleTime: Infinity })
      return (
        <>
          <button type="button" onClick={() => void answer.refetch()}>
            Ask again
          </button>
          <p>{answer.data ?? 'No answer yet'}</p>
        </>
      )
    }
    render(<Asker />)
    expect(screen.getByText('No answer yet')).toBeInTheDocument()
    expect(queryFn).not.toHaveBeenCalled()
    const { queryClient } = await act(() => loadQueryLayer())
    expect(await screen.findByText('answer 1')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Ask again' }))
    expect(await screen.findByText('answer 2')).toBeInTheDocument()
    expect(queryClient.getQueryData(['answer'])).toBe('answer 2')
  })

  it('runs a refetch asked for before react-query has loaded, and hands back its data', async () => {
    const { useQueryOnDemand } = await freshModule()
    const queryFn = vi.fn(async () => 'discovered')
    function Discoverer() {
      const discovery = useQueryOnDemand({ queryKey: ['discovery'], queryFn, enabled: false })
      const [handedBack, setHandedBack] = useState<string | undefined>()
      return (
        <>
          <button type="button" onClick={() => void discovery.refetch().then(setHandedBack)}>
            Discover
          </button>
          {handedBack && <p>Handed back {handedBack}</p>}
          {discovery.data && <p>Shown {discovery.data}</p>}
        </>
      )
    }
    render(<Discoverer />)
    await userEvent.click(screen.getByRole('button', { name: 'Discover' }))
    expect(await screen.findByText('Handed back discovered')).toBeInTheDocument()
    expect(await screen.findByText('Shown discovered')).toBeInTheDocument()
    expect(queryFn).toHaveBeenCalledTimes(1)
  })
})
