import { render, screen } from '@testing-library/react'
import { StrictMode } from 'react'
import userEvent from '@testing-library/user-event'
import { Disclosure } from './disclosure.tsx'

describe('Disclosure', { timeout: 30_000 }, () => {
  it('renders its content when first opened, and keeps it once closed again', async () => {
    const intent = vi.fn()
    render(
      <Disclosure summary="Clients (1)" onSummaryIntent={intent}>
        <label>
          Label of www <input defaultValue="www" />
        </label>
      </Disclosure>,
    )
    expect(screen.queryByLabelText('Label of www')).toBeNull()

    await userEvent.click(screen.getByText('Clients (1)'))
    expect(intent).toHaveBeenCalled()
    expect(await screen.findByLabelText('Label of www')).toHaveValue('www')

    await userEvent.type(screen.getByLabelText('Label of www'), ' (confidential)')
    await userEvent.click(screen.getByText('Clients (1)'))
    expect(screen.getByText('Clients (1)').closest('details')).not.toHaveAttribute('open')
    // What was typed is still there when it is opened again.
    await userEvent.click(screen.getByText('Clients (1)'))
    expect(screen.getByLabelText('Label of www')).toHaveValue('www (confidential)')
  })
})

describe('Disclosure in StrictMode, as `npm start` serves the console', { timeout: 30_000 }, () => {
  it('opens without reading the toggle event after it is gone', async () => {
    // StrictMode calls a state updater a second time while rendering, after the event has been released.
    render(
      <StrictMode>
        <Disclosure summary="Limits">
          <p>Reply size cap</p>
        </Disclosure>
      </StrictMode>,
    )
    await userEvent.click(screen.getByText('Limits'))
    expect(await screen.findByText('Reply size cap')).toBeVisible()
    await userEvent.click(screen.getByText('Limits'))
    expect(screen.getByText('Limits').closest('details')).not.toHaveAttribute('open')
  })
})
