import type { FlowScopes } from './flow-scope-schemas.ts'

/**
 * The scope each flow asks for, kept with the environment: it is remembered with the server it
 * belongs to, and a shared environment carries it. RFC 6749 §3.3 (scope), RFC 8628 §3.1, RFC 6749 §4.1.1, §4.4.2.
 */
export const FLOW_SCOPE_FIELDS = [
  { flow: 'client_credentials', label: 'Client credentials', fallback: 'dcr' },
  { flow: 'device_authorization', label: 'Device flow', fallback: '' },
  { flow: 'authorization_code', label: 'Authorization code', fallback: 'openid profile email' },
] as const

export type ScopedFlow = (typeof FLOW_SCOPE_FIELDS)[number]['flow']

/** A scope is a short space-separated list; anything longer than this is not one. */
export const MAX_SCOPE_LENGTH = 2_000

/** The scope a flow starts with: what this environment keeps for it, else the tutorial's default. */
export function flowScope(scopes: FlowScopes | undefined, flow: ScopedFlow): string {
  return scopes?.[flow] ?? FLOW_SCOPE_FIELDS.find((field) => field.flow === flow)!.fallback
}

/** The scopes set for flows, picked field by field (nothing else comes along); undefined when none is. */
export function pickFlowScopes(scopes: FlowScopes | undefined): FlowScopes | undefined {
  const picked: FlowScopes = {}
  for (const { flow } of FLOW_SCOPE_FIELDS) {
    const value = scopes?.[flow]
    if (value !== undefined) picked[flow] = value
  }
  return Object.keys(picked).length > 0 ? picked : undefined
}
