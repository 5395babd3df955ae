import { randomBytes } from 'node:crypto'
import { errors, type ProviderContext } from 'oidc-provider'

/** The name under which the template policy is configured and attached to initial access tokens. */
export const SOFTWARE_TEMPLATE_POLICY = 'software-template'

/** What oidc-provider generated for the new client before policies run; the template must not replace these. */
const GENERATED = new Set(['client_id', 'client_id_issued_at', 'client_secret', 'client_secret_expires_at'])

/**
 * What a template grants, which an RFC 7592 update must not change: the rest of the metadata (client_name,
 * contacts, logo_uri ...) is the client's own to edit.
 */
const GRANTED_BY_TEMPLATE = ['grant_types', 'response_types', 'token_endpoint_auth_method', 'scope']

/**
 * How a confidential client proves who it is is the registrant's to choose (RFC 7591 §2): a secret the server
 * issues, or a key of its own (`jwks`, for private_key_jwt). Whether it is confidential at all (`none`), and
 * everything else, comes from the template.
 */
const REGISTRANT_AUTH_METHODS = new Set(['client_secret_basic', 'client_secret_post', 'client_secret_jwt', 'private_key_jwt'])
const SECRET_AUTH_METHODS = new Set(['client_secret_basic', 'client_secret_post', 'client_secret_jwt'])

function registrantChoices(properties: Record<string, unknown>): Record<string, unknown> {
  const method = properties.token_endpoint_auth_method
  return {
    ...(typeof method === 'string' && REGISTRANT_AUTH_METHODS.has(method) ? { token_endpoint_auth_method: method } : {}),
    ...(properties.jwks !== undefined ? { jwks: properties.jwks } : {}),
  }
}

/**
 * A registration policy (features.registration.policies) that turns `{ "software_id": "device-client" }` into
 * the full client the template describes, like Curity's templatized DCR: the registrant picks a template and
 * cannot ask for anything else. An unknown or missing software_id is `invalid_client_metadata`: software_id
 * is client metadata (RFC 7591 §2) and §3.2.2 uses that code for a metadata value the server rejects.
 */
export function softwareTemplatePolicy(templates: Record<string, Record<string, unknown>>) {
  const known = Object.keys(templates).join(', ')

  return function applySoftwareTemplate(ctx: ProviderContext, properties: Record<string, unknown>): void {
    const softwareId = properties.software_id
    if (typeof softwareId !== 'string' || softwareId === '') {
      throw new errors.InvalidClientMetadata(`unknown software_id: the request has none; known software_id values: ${known}`)
    }
    const template = Object.hasOwn(templates, softwareId) ? templates[softwareId] : undefined
    if (!template) {
      throw new errors.InvalidClientMetadata(`unknown software_id ${JSON.stringify(softwareId)}; known software_id values: ${known}`)
    }

    // oidc-provider runs the policy again on an RFC 7592 update (PUT), where only the grant stays fixed.
    if (ctx.method === 'PUT') {
      for (const key of GRANTED_BY_TEMPLATE) if (key in template) properties[key] = structuredClone(template[key])
      return
    }

    const chosen = registrantChoices(properties)
    for (const key of Object.keys(properties)) if (!GENERATED.has(key)) delete properties[key]
    Object.assign(properties, structuredClone(template), structuredClone(chosen), { software_id: softwareId })
    if (!SECRET_AUTH_METHODS.has(String(properties.token_endpoint_auth_method))) {
      delete properties.client_secret
      delete properties.client_secret_expires_at
      return
    }
    // oidc-provider only generates a secret when the submitted body implied one; the template's method needs it.
    if (typeof properties.client_secret !== 'string') {
      properties.client_secret = randomBytes(32).toString('base64url')
      properties.client_secret_expires_at = 0
    }
  }
}
