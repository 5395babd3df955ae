import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithQuery } from '../../../test/render-with-query.tsx'
import { ExternalApiPanel } from './external-api-panel.tsx'

describe('ExternalApiPanel', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('refuses to send invalid JSON, names line and column, and keeps the text', async () => {
    const fetchSpy = vi.fn()
    vi.stubGlobal('fetch', fetchSpy)
    const user = userEvent.setup()
    renderWithQuery(<ExternalApiPanel />)

    const body = screen.getByLabelText('Request body')
    await user.clear(body)
    await user.click(body)
    await user.paste('{\n  "software_id": "device-client",\n}')
    await user.click(screen.getByRole('button', { name: 'Send request' }))

    expect(screen.getByRole('alert')).toHaveTextContent(/Invalid JSON at line 3, column 1/)
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing was sent')
    expect(body).toHaveValue('{\n  "software_id": "device-client",\n}')
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('prefills a Dynamic Client Registration request', () => {
    renderWithQuery(<ExternalApiPanel />)
    expect(screen.getByRole('region', { name: 'External API' })).toBeInTheDocument()
    expect(screen.getByLabelText('Method')).toHaveValue('POST')
    expect(JSON.parse((screen.getByLabelText('Request body') as HTMLTextAreaElement).value)).toEqual({ software_id: 'device-client' })
    expect(screen.getByLabelText('Bearer token')).toHaveValue('none')
  })
})
