/**
 * The slice of oidc-provider 8.x the sandbox uses. The package ships no types and @types/oidc-provider is not a
 * dependency, so this declares only what sandbox/ calls, checked against node_modules/oidc-provider/lib.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  /** A stored record as oidc-provider hands it to an adapter. */
  export interface AdapterPayload {
    [key: string]: unknown
    grantId?: string
    userCode?: string
    uid?: string
    consumed?: number
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>
    find(id: string): Promise<AdapterPayload | undefined>
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>
    findByUid(uid: string): Promise<AdapterPayload | undefined>
    consume(id: string): Promise<void>
    destroy(id: string): Promise<void>
    revokeByGrantId(grantId: string): Promise<void>
  }

  export interface ClientRecord {
    clientId: string
    clientName?: string
    clientAuthMethod: string
    scope?: string
    grantTypeAllowed(type: string): boolean
  }

  export interface OIDCContext {
    route: string
    provider: Provider
    client?: ClientRecord
    params?: Record<string, unknown>
    session?: { state?: { secret?: string }; grantIdFor(clientId: string): string | undefined }
    result?: { consent?: { grantId?: string } }
    urlFor(name: string, options?: Record<string, unknown>): string
  }

  /** The Koa context oidc-provider passes to its hooks and to middleware added with provider.use(). */
  export interface ProviderContext {
    method: string
    path: string
    status: number
    body: unknown
    type: string
    req: IncomingMessage
    oidc?: OIDCContext
    get(field: string): string
    set(field: string, value: string): void
    remove(field: string): void
  }

  export type ProviderMiddleware = (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>

  /** An OAuth error as oidc-provider renders it: the `out` argument of renderError and the user code page. */
  export interface ErrorOut {
    error: string
    error_description?: string
  }

  export interface InteractionDetails {
    uid: string
    prompt: {
      name: string
      details: {
        missingOIDCScope?: string[]
        missingOIDCClaims?: string[]
        missingResourceScopes?: Record<string, string[]>
      }
    }
    params: Record<string, unknown>
    session?: { accountId?: string }
    grantId?: string
  }

  export interface InteractionResults {
    login?: { accountId: string }
    consent?: { grantId?: string }
    error?: string
    error_description?: string
  }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string })
    static find(id: string): Promise<Grant | undefined>
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    addResourceScope(indicator: string, scope: string): void
    save(): Promise<string>
  }

  export class InitialAccessToken {
    constructor(properties: { expiresIn?: number; policies?: string[] })
    save(): Promise<string>
    destroy(): Promise<void>
  }

  export interface ClientCredentialsToken {
    clientId: string
    scope?: string
  }

  /** An access token as found in storage or about to be saved (AccessToken or ClientCredentials). */
  export interface IssuedToken {
    clientId: string
    accountId?: string
    grantId?: string
    scope?: string
    readonly tokenType: string
    readonly expiration: number
    setAudience(audience: string): void
    save(): Promise<string>
  }

  export interface IssuedTokenClass {
    new (properties: Record<string, unknown>): IssuedToken
    find(value: string): Promise<IssuedToken | undefined>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    readonly issuer: string
    proxy: boolean
    use(middleware: ProviderMiddleware): void
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
    readonly Client: { find(id: string): Promise<ClientRecord | undefined> }
    readonly ClientCredentials: IssuedTokenClass
    readonly AccessToken: IssuedTokenClass
    registerGrantType(
      name: string,
      handler: (ctx: ProviderContext, next: () => Promise<void>) => Promise<void>,
      parameters?: string[],
    ): void
    readonly Grant: typeof Grant
    readonly InitialAccessToken: typeof InitialAccessToken
  }

  export const errors: {
    InvalidClientMetadata: new (description: string) => Error
    SessionNotFound: new (description: string) => Error
    InvalidRequest: new (description: string) => Error
    InvalidGrant: new (description: string) => Error
    InvalidScope: new (description: string, scope: string) => Error
  }
}
