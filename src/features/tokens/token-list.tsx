import { useObtainedTokens } from '../../state/token-store.ts'
import { TokenEntry } from './token-entry.tsx'

/** Newest first. Entries are memoised: a new token renders one entry, not the whole list again. */
export default function TokenList() {
  const tokens = useObtainedTokens()
  const newestFirst = []
  for (let index = tokens.length - 1; index >= 0; index--) newestFirst.push(tokens[index]!)
  return (
    <ul aria-label="Tokens obtained" className="flex flex-col gap-3">
      {newestFirst.map((token) => (
        <TokenEntry key={token.id} token={token} />
      ))}
    </ul>
  )
}
