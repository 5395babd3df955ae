import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { ExchangeStep } from '../protocol/http-exchange.ts'
import type { TokenSet } from '../protocol/token-response.ts'
import { newId } from './new-id.ts'

/**
 * Tokens the person has obtained, kept so later steps can pick them (Bearer drop-down, token tools).
 * Memory only: tokens are secrets and are never persisted.
 */
export interface ObtainedToken {
  id: string
  label: string
  step: ExchangeStep
  environmentId: string
  clientProfileId: string | null
  client_id: string
  obtainedAt: number
  /** Never changed once stored: views decode it once (features/tokens/decoded-tokens.ts), keyed by this object. */
  tokens: TokenSet
}

/** Who asked for a reply's tokens: the environment, the client profile (if any) and the client_id it sent. */
export type TokenRequester = Pick<ObtainedToken, 'environmentId' | 'clientProfileId' | 'client_id'>

interface TokenState {
  tokens: ObtainedToken[]
  actions: {
    tokensObtained: (token: Omit<ObtainedToken, 'id' | 'label'> & { label?: string }) => string
    /** A step's reply stored as obtained now: what every step does with the tokens it gets. */
    replyTokensKept: (step: ExchangeStep, requester: TokenRequester, tokens: TokenSet) => string
    tokenRemoved: (id: string) => void
    tokensCleared: () => void
  }
}

const STEP_NAMES: Partial<Record<ExchangeStep, string>> = {
  'client-credentials': 'Client credentials',
  'device-poll': 'Device flow',
  refresh: 'Refresh',
  'authorization-code': 'Authorization code',
  'token-exchange': 'Token exchange',
}

const useTokenStore = create<TokenState>()((set, get) => ({
  tokens: [],
  actions: {
    tokensObtained: (token) => {
      const id = newId()
      const number = get().tokens.length + 1
      const label = token.label ?? `#${number} ${STEP_NAMES[token.step] ?? token.step} · ${token.client_id}`
      const stored: ObtainedToken = { ...token, id, label }
      set((state) => ({ tokens: [...state.tokens, stored] }))
      return id
    },
    replyTokensKept: (step, requester, tokens) => get().actions.tokensObtained({ step, ...requester, obtainedAt: Date.now(), tokens }),
    tokenRemoved: (id) => set((state) => ({ tokens: state.tokens.filter((token) => token.id !== id) })),
    tokensCleared: () => set({ tokens: [] }),
  },
}))

export const useObtainedTokens = () => useTokenStore((state) => state.tokens)
/** Whether any token is held: re-renders its caller when that changes, not for every token added. */
export const useHasTokens = () => useTokenStore((state) => state.tokens.length > 0)
/** The tokens as they are now, for a request being built (no re-render when they change). */
export const readObtainedTokens = (): readonly ObtainedToken[] => useTokenStore.getState().tokens
export const useTokenActions = () => useTokenStore(useShallow((state) => state.actions))
