import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CopyButton } from './copy-button.tsx'

// Rendering and user events are slow on a busy machine; the assertions are about outcomes only.
describe('CopyButton without the Clipboard API (plain http)', { timeout: 30_000 }, () => {
  const execCommand = vi.fn<(command: string) => boolean>()
  beforeEach(() => {
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true })
  })
  afterEach(() => execCommand.mockReset())

  it('copies through a hidden textarea holding the text, and says so', async () => {
    let selected = ''
    execCommand.mockImplementation(() => {
      const area = document.activeElement
      selected = area instanceof HTMLTextAreaElement ? area.value.slice(area.selectionStart, area.selectionEnd) : ''
      return true
    })
    render(<CopyButton text="ABCD-EFGH" label="Copy code" />)
    await userEvent.click(screen.getByRole('button', { name: 'Copy code' }))
    expect(execCommand).toHaveBeenCalledWith('copy')
    expect(selected).toBe('ABCD-EFGH')
    expect(await screen.findByRole('button', { name: 'Copy code' })).toHaveTextContent('Copied')
    expect(document.querySelector('textarea')).toBeNull()
  })

  it('offers the text selected in a dialog when the browser refuses every way of copying', async () => {
    execCommand.mockReturnValue(false)
    render(<CopyButton text="curl -sS https://idp.example" label="Copy as curl" />)
    await userEvent.click(screen.getByRole('button', { name: 'Copy as curl' }))
    const dialog = await screen.findByRole('dialog', { name: 'Copy as curl' })
    const field = dialog.querySelector('textarea')!
    expect(field).toHaveValue('curl -sS https://idp.example')
    expect(field).toHaveFocus()
    expect(field.selectionEnd - field.selectionStart).toBe('curl -sS https://idp.example'.length)
  })
})
