import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { CompletionView } from './completion-view.tsx'

describe('CompletionView', () => {
  it('explains an error in the redirect like any other OAuth error: meaning, likely cause, and the description as inert text', () => {
    render(<CompletionView outcome={{ kind: 'error_redirect', error: 'access_denied', error_description: 'The user said no' }} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('access_denied (in the redirect)')
    expect(alert).toHaveTextContent('RFC 6749 §4.1.2.1')
    expect(alert).toHaveTextContent('Server says: The user said no')
    expect(alert).toHaveTextContent(/What it means:/)
  })

  it('shows a hostile redirect error escaped and clipped, and a script error_uri as text', () => {
    const description = `\u202Eevil${'x'.repeat(20_000)}`
    render(<CompletionView outcome={{ kind: 'error_redirect', error: 'bad\u202Eerror', error_description: description, error_uri: 'javascript:alert(1)' }} />)
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent('bad\\u{202E}error (in the redirect)')
    expect(alert).toHaveTextContent('\\u{202E}evil')
    expect(alert).toHaveTextContent('invisible control characters')
    expect(alert.textContent!.length).toBeLessThan(3_000)
    expect(screen.getByRole('button', { name: /Show all/ })).toBeInTheDocument()
    expect(screen.queryByRole('link')).toBeNull()
  })
})
