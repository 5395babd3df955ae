import type { RecordInput } from '../../protocol/request-context.ts'
import type { ClientInput } from '../../protocol/request-input.ts'

/** Where a token action goes and as which client: the token's environment and client profile. */
export type ActionClient = ClientInput & RecordInput
