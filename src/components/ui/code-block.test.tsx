import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CodeBlock } from './code-block.tsx'
import { SecretMaskingContext } from './secret-masking.ts'

const redact = (text: string) => text.replaceAll('s3cret-value', '••••••')

function renderBlock(presentation: boolean, secretsShown = false) {
  return render(
    <SecretMaskingContext.Provider value={{ presentation, redact, revealMs: 5_000 }}>
      <CodeBlock label="Token" text="token: s3cret-value" secretsShown={secretsShown} />
    </SecretMaskingContext.Provider>,
  )
}

// Rendering and user events are slow on a busy machine; the assertions are about outcomes only.
describe('CodeBlock in presentation mode', { timeout: 30_000 }, () => {
  afterEach(() => vi.useRealTimers())

  it('shows text as it is when presentation mode is off', () => {
    renderBlock(false)
    expect(screen.getByLabelText('Token')).toHaveTextContent('token: s3cret-value')
    expect(screen.queryByRole('button', { name: 'Reveal Token' })).toBeNull()
  })

  it('masks known secrets and reveals them on request for a limited time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    renderBlock(true)
    const block = screen.getByLabelText('Token')
    expect(block).toHaveTextContent('token: ••••••')
    await userEvent.click(screen.getByRole('button', { name: 'Reveal Token' }))
    expect(block).toHaveTextContent('token: s3cret-value')
    act(() => vi.advanceTimersByTime(5_000))
    expect(block).toHaveTextContent('token: ••••••')
  })

  it('leaves a block alone when the person already chose to show its secrets', () => {
    renderBlock(true, true)
    expect(screen.getByLabelText('Token')).toHaveTextContent('token: s3cret-value')
  })
})
