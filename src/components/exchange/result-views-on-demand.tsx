import type { ComponentProps } from 'react'
import { loadOnFirstUse } from '../ui/load-on-first-use.tsx'
import type { CodeBlock as CodeBlockView } from '../ui/code-block.tsx'
import type { RawExchange as RawExchangeView } from './exchange-view.tsx'
import type { RequestFailureView as RequestFailureViewImpl } from './request-failure-view.tsx'
import type { TokenSummary as TokenSummaryView } from '../tokens/token-summary.tsx'
import type { ClientAuthAdvice as ClientAuthAdviceView } from '../client/client-auth-advice.tsx'

// What the first steps show only once a request has been made: a failure explained, the raw exchange, the
// token, the discovery document. Their code (the error glossary, body formatting, jose's JWT decoding …)
// is not part of the first view; main.tsx preloads it when the browser is idle.
const failure = loadOnFirstUse<ComponentProps<typeof RequestFailureViewImpl>>('the failure details', () =>
  import('./request-failure-view.tsx').then((module) => module.RequestFailureView),
)
const rawExchange = loadOnFirstUse<ComponentProps<typeof RawExchangeView>>('the exchange', () =>
  import('./exchange-view.tsx').then((module) => module.RawExchange),
)
const tokenSummary = loadOnFirstUse<ComponentProps<typeof TokenSummaryView>>('the token', () =>
  import('../tokens/token-summary.tsx').then((module) => module.TokenSummary),
)
const codeBlock = loadOnFirstUse<ComponentProps<typeof CodeBlockView>>('the document', () =>
  import('../ui/code-block.tsx').then((module) => module.CodeBlock),
)
const clientAuthAdvice = loadOnFirstUse<ComponentProps<typeof ClientAuthAdviceView>>('the likely cause', () =>
  import('../client/client-auth-advice.tsx').then((module) => module.ClientAuthAdvice),
)

export const RequestFailureView = failure.Component
export const RawExchange = rawExchange.Component
export const TokenSummary = tokenSummary.Component
export const CodeBlock = codeBlock.Component
export const ClientAuthAdvice = clientAuthAdvice.Component

/** Loads them ahead of the first result; a failure here is retried when a result is shown. */
export function preloadResultViews(): Promise<unknown> {
  return Promise.all([failure.preload(), rawExchange.preload(), tokenSummary.preload(), codeBlock.preload(), clientAuthAdvice.preload()]).catch(
    () => undefined,
  )
}
