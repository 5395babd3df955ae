import { lazy, Suspense } from 'react'
import { LoadingFallback } from '../../components/ui/loading-fallback.tsx'
import { StepSection } from '../../components/ui/step-section.tsx'
import { useHasTokens } from '../../state/token-store.ts'
import { PasteToken } from './paste-token.tsx'

// The token tools (decoding, signature checks with jose, introspect, refresh, revoke) load with the first token.
const TokenList = lazy(() => import('./token-list.tsx'))

export function TokenListPanel() {
  // Only whether there are tokens: the list subscribes to them itself, so a new token re-renders the list, not this step.
  const hasTokens = useHasTokens()
  return (
    <StepSection
      id="tokens"
      title="Tokens"
      description="Every token obtained in this session, newest first, decoded and ready to verify, introspect, refresh or revoke. Kept in memory only."
    >
      <div className="flex flex-col gap-4">
        {!hasTokens ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No tokens yet.</p>
        ) : (
          <Suspense fallback={<LoadingFallback what="the token tools" />}>
            <TokenList />
          </Suspense>
        )}
        <PasteToken />
      </div>
    </StepSection>
  )
}
