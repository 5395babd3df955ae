import { StepSection } from '../../components/ui/step-section.tsx'
import { useObtainedTokens } from '../../state/token-store.ts'
import { PasteToken } from './paste-token.tsx'
import { TokenEntry } from './token-entry.tsx'

export function TokenListPanel() {
  const tokens = useObtainedTokens()
  return (
    <StepSection
      id="tokens"
      title="Tokens"
      description="Every token obtained in this session, newest first, decoded and ready to verify, introspect, refresh or revoke. Kept in memory only."
    >
      <div className="flex flex-col gap-4">
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">No tokens yet.</p>
        ) : (
          <ul aria-label="Tokens obtained" className="flex flex-col gap-3">
            {[...tokens].reverse().map((token) => (
              <TokenEntry key={token.id} token={token} />
            ))}
          </ul>
        )}
        <PasteToken />
      </div>
    </StepSection>
  )
}
