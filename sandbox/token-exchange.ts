import Provider, { errors, type ProviderContext, type IssuedToken } from 'oidc-provider'
import { TOKEN_EXCHANGE_GRANT } from './configuration.ts'
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'

/** The request parameters RFC 8693 §2.1 defines, so oidc-provider reads them from the body. */
const PARAMETERS = [
  'subject_token',
  'subject_token_type',
  'actor_token',
  'actor_token_type',
  'requested_token_type',
  'audience',
  'resource',
  'scope',
]

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** Any access token this sandbox issued and still honours: a user's or a client's own. */
async function findAccessToken(provider: Provider, value: string): Promise<IssuedToken | undefined> {
  if (value === '') return undefined
  return (await provider.AccessToken.find(value)) ?? (await provider.ClientCredentials.find(value))
}

function requireAccessTokenType(type: string, field: string) {
  if (type !== ACCESS_TOKEN_TYPE) {
    throw new errors.InvalidRequest(`${field} must be ${ACCESS_TOKEN_TYPE}: the sandbox exchanges only its own access tokens`)
  }
}

/**
 * RFC 8693 token exchange for the sandbox: the subject (and the optional actor) must be access tokens this
 * sandbox issued; the authenticated client gets a new access token for the same user, scoped down to what it
 * asks for (never more than the subject had, RFC 8693 §5 "invalid_scope"), with `act` naming the actor.
 */
export function registerTokenExchange(provider: Provider): void {
  async function tokenExchange(ctx: ProviderContext, next: () => Promise<void>) {
    const params = ctx.oidc?.params ?? {}
    const client = ctx.oidc?.client
    if (!client) throw new errors.InvalidRequest('no client')

    const subjectValue = text(params.subject_token)
    if (subjectValue === '') throw new errors.InvalidRequest('missing required parameter subject_token')
    requireAccessTokenType(text(params.subject_token_type), 'subject_token_type')
    const subject = await findAccessToken(provider, subjectValue)
    if (!subject) throw new errors.InvalidGrant('subject_token is not an active access token issued by this server')

    let actor: IssuedToken | undefined
    if (text(params.actor_token) !== '') {
      requireAccessTokenType(text(params.actor_token_type), 'actor_token_type')
      actor = await findAccessToken(provider, text(params.actor_token))
      if (!actor) throw new errors.InvalidGrant('actor_token is not an active access token issued by this server')
    } else if (text(params.actor_token_type) !== '') {
      throw new errors.InvalidRequest('actor_token_type was sent without actor_token')
    }

    const requestedType = text(params.requested_token_type)
    if (requestedType !== '' && requestedType !== ACCESS_TOKEN_TYPE) {
      throw new errors.InvalidRequest(`requested_token_type ${requestedType} is not supported; the sandbox issues access tokens`)
    }

    const held = new Set((subject.scope ?? '').split(' ').filter(Boolean))
    const asked = text(params.scope).split(' ').filter(Boolean)
    const beyond = asked.filter((scope) => !held.has(scope))
    if (beyond.length > 0) throw new errors.InvalidScope('requested scope exceeds the subject token\'s scope', beyond.join(' '))
    const scope = (asked.length > 0 ? asked : [...held]).join(' ') || undefined

    const extra: Record<string, unknown> = {}
    if (actor) extra.act = { sub: actor.accountId ?? actor.clientId }
    const audience = text(params.audience)

    const token = subject.accountId
      ? new provider.AccessToken({ accountId: subject.accountId, client, grantId: subject.grantId, gty: 'token_exchange', scope, extra })
      : new provider.ClientCredentials({ client, scope, extra })
    if (audience !== '') token.setAudience(audience)
    const value = await token.save()

    ctx.body = {
      access_token: value,
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: token.tokenType,
      expires_in: token.expiration,
      ...(scope ? { scope } : {}),
    }
    await next()
  }

  provider.registerGrantType(TOKEN_EXCHANGE_GRANT, tokenExchange, PARAMETERS)
}
