import { Component, type ErrorInfo, type ReactNode } from 'react'
import { clipText } from '../../protocol/visible-text.ts'
import { Button } from './button.tsx'

interface ErrorBoundaryProps {
  /** What this part shows, for the message: "the Device Flow step", "the QR code". */
  what: string
  children: ReactNode
  /** A replacement for the standard message, when the part has a better one. */
  fallback?: (error: Error, retry: () => void) => ReactNode
  /** Changing any of these clears the error, as a new reply deserves a fresh try. */
  resetKeys?: readonly unknown[]
}

interface ErrorBoundaryState {
  error: Error | null
  keys: readonly unknown[] | undefined
}

/**
 * Keeps one failing part from blanking the page: what it rendered is replaced by a message naming
 * the part and the error, everything around it keeps working. React's error boundary (a class
 * component is the only kind React lets catch render errors).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, keys: this.props.resetKeys }

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: ErrorBoundaryProps, state: ErrorBoundaryState): Partial<ErrorBoundaryState> | null {
    if (!changed(props.resetKeys, state.keys)) return null
    return { keys: props.resetKeys, error: null }
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo) {
    // The message on screen is the report; nothing is logged or sent anywhere.
  }

  retry = () => this.setState({ error: null })

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    if (this.props.fallback) return this.props.fallback(error, this.retry)
    return (
      <div role="alert" className="rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100">
        <p className="font-semibold">Could not show {this.props.what}</p>
        <p className="mt-1 break-all">
          {clipText(error.message || error.name, 300)}. The rest of the console still works; the HTTP log has the raw exchange.
        </p>
        <Button variant="secondary" className="mt-2" onClick={this.retry}>
          Try again
        </Button>
      </div>
    )
  }
}

function changed(next: readonly unknown[] | undefined, previous: readonly unknown[] | undefined): boolean {
  if (next === previous) return false
  if (!next || !previous || next.length !== previous.length) return true
  return next.some((value, index) => !Object.is(value, previous[index]))
}

