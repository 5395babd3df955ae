import { z } from 'zod/mini'
import { MAX_SCOPE_LENGTH } from './flow-scopes.ts'

// The schemas apart from flow-scopes.ts: the steps read a flow's scope on the first view, which needs no zod.

const scopeText = z.string().check(z.maxLength(MAX_SCOPE_LENGTH))

const flowScopesShape = {
  client_credentials: z.optional(scopeText),
  device_authorization: z.optional(scopeText),
  authorization_code: z.optional(scopeText),
}

/** As stored: a member a later version adds is dropped, not a reason to lose the settings. */
export const flowScopesSchema = z.object(flowScopesShape)
/** As shared: strict, so nothing but scopes rides along in a link. */
export const sharedFlowScopesSchema = z.strictObject(flowScopesShape)
export type FlowScopes = z.infer<typeof flowScopesSchema>
