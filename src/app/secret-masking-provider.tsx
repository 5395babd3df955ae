import { use, useEffect, useMemo, type ReactNode } from 'react'
import { DEFAULT_REVEAL_MS, loadedMaskingRule, loadMaskingRule, SecretMaskingContext, type SecretMasking } from '../components/ui/secret-masking.ts'
import { usePresentationMode } from '../features/presentation/presentation-store.ts'
import type { HttpExchange } from '../protocol/http-exchange.ts'
import { useEnvironments, type Environment } from '../state/environment-store.ts'
import { useExchangeLogWhile } from '../state/http-log-store.ts'
import { useObtainedTokens, type ObtainedToken } from '../state/token-store.ts'

/** Each recorded exchange is immutable, so its secrets are found once. */
const secretsByExchange = new WeakMap<HttpExchange, string[]>()

type MaskingRule = NonNullable<ReturnType<typeof loadedMaskingRule>>

function exchangeSecrets(exchange: HttpExchange, listSecretsIn: MaskingRule['listSecretsIn']): string[] {
  let secrets = secretsByExchange.get(exchange)
  if (!secrets) {
    secrets = listSecretsIn(exchange)
    secretsByExchange.set(exchange, secrets)
  }
  return secrets
}

/**
 * Everything the console knows to be secret: what the masking rule finds in every exchange, the
 * tokens held, and the configured client secrets and registration access tokens.
 */
function knownSecrets(rule: MaskingRule, exchanges: readonly HttpExchange[], tokens: ObtainedToken[], environments: Environment[]): string[] {
  const secrets = exchanges.flatMap((exchange) => exchangeSecrets(exchange, rule.listSecretsIn))
  for (const { tokens: set } of tokens) {
    for (const value of [set.access_token, set.refresh_token, set.id_token]) if (value) secrets.push(value)
  }
  for (const environment of environments) {
    for (const client of environment.clients) {
      if (client.client_secret) secrets.push(client.client_secret)
      if (client.registration_access_token) secrets.push(client.registration_access_token)
    }
  }
  return secrets
}

const identity = (text: string) => text

/**
 * Decides, once for the whole app, how secrets appear on screen, and hands the decision down by
 * context: components never reach into stores. Presentation mode also enlarges text for projectors.
 */
export function SecretMaskingProvider({ children }: { children: ReactNode }) {
  const presentation = usePresentationMode()
  // The rule loads with presentation mode (the switch waits for it); read back on at start, the first view waits for it.
  const rule = presentation ? (loadedMaskingRule() ?? use(loadMaskingRule())) : null
  // Outside presentation mode a new exchange does not even re-render this provider.
  const log = useExchangeLogWhile(presentation)
  const tokens = useObtainedTokens()
  const environments = useEnvironments()
  // Outside presentation mode nothing is masked, so the log, the tokens and the environments are not read: a new
  // exchange or token then leaves the context value as it was, and no masked view (every code block) re-renders.
  const shown = presentation ? { log, tokens, environments } : null
  const shownLog = shown?.log ?? null
  const shownTokens = shown?.tokens ?? null
  const shownEnvironments = shown?.environments ?? null
  const value = useMemo<SecretMasking>(
    () => ({
      presentation,
      redact:
        rule && shownLog && shownTokens && shownEnvironments
          ? rule.createRedactor(knownSecrets(rule, shownLog.toArray(), shownTokens, shownEnvironments))
          : identity,
      revealMs: DEFAULT_REVEAL_MS,
    }),
    [presentation, rule, shownLog, shownTokens, shownEnvironments],
  )

  useEffect(() => {
    document.documentElement.toggleAttribute('data-presentation', presentation)
  }, [presentation])

  return <SecretMaskingContext.Provider value={value}>{children}</SecretMaskingContext.Provider>
}
