import type { HttpExchange } from '../../protocol/http-exchange.ts'
import type { Environment } from '../../state/environment-store.ts'

/**
 * A session exported without secrets has empty client secrets. Where this console already knows the
 * same client (same environment id, profile id and client_id), its secret is kept rather than wiped.
 */
export function keepKnownSecrets(imported: Environment[], current: Environment[]): { environments: Environment[]; kept: number } {
  let kept = 0
  const environments = imported.map((environment) => {
    const known = current.find((candidate) => candidate.id === environment.id)
    return {
      ...environment,
      clients: environment.clients.map((client) => {
        const match = known?.clients.find((candidate) => candidate.id === client.id && candidate.client_id === client.client_id)
        if (client.client_secret !== '' || !match || match.client_secret === '') return client
        kept++
        return {
          ...client,
          client_secret: match.client_secret,
          ...(client.registration_access_token === undefined && match.registration_access_token !== undefined
            ? { registration_access_token: match.registration_access_token }
            : {}),
        }
      }),
    }
  })
  return { environments, kept }
}

/** The imported exchanges the log does not hold yet: importing the same file twice adds nothing. */
export function newExchanges(imported: HttpExchange[], current: readonly HttpExchange[]): HttpExchange[] {
  const known = new Set(current.map((exchange) => exchange.id))
  return imported.filter((exchange) => !known.has(exchange.id))
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`
}
