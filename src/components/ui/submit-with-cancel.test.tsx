import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { SubmitWithCancel } from './submit-with-cancel.tsx'

describe('SubmitWithCancel', () => {
  it('submits its form while idle and offers no Cancel', async () => {
    const submitted = vi.fn()
    render(
      <form
        onSubmit={(event) => {
          event.preventDefault()
          submitted()
        }}
      >
        <SubmitWithCancel pending={false} onCancel={() => {}}>
          Request token
        </SubmitWithCancel>
      </form>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Request token' }))
    expect(submitted).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
  })

  it('is busy while the request runs, and its Cancel cancels it', async () => {
    const cancel = vi.fn()
    render(
      <SubmitWithCancel pending onCancel={cancel}>
        Request token
      </SubmitWithCancel>,
    )
    expect(screen.getByRole('button', { name: 'Request token' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Request token' })).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(cancel).toHaveBeenCalledTimes(1)
  })
})
