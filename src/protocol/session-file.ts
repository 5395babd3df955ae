import { z } from 'zod/mini'
import { TRANSPORT_FAILURE_KINDS, type ExchangeStep, type HttpExchange } from './http-exchange.ts'
import { environmentSchema, type Environment } from './environment-schema.ts'
import { environmentWithoutSecrets } from './environment-secrets.ts'
import { maskExchange } from './masking.ts'
import { utf8Length } from './utf8-length.ts'

/** Every {@link ExchangeStep}, checked against the union so a new step cannot be forgotten here. */
const EXCHANGE_STEPS = {
  discovery: true,
  'client-credentials': true,
  'external-api': true,
  'device-authorization': true,
  'device-poll': true,
  introspection: true,
  refresh: true,
  revocation: true,
  userinfo: true,
  jwks: true,
  'pushed-authorization': true,
  'authorization-code': true,
  'token-exchange': true,
  'client-management': true,
} satisfies Record<ExchangeStep, true>

export const exchangeStepSchema = z.enum(Object.keys(EXCHANGE_STEPS) as [ExchangeStep, ...ExchangeStep[]])

const headerRowsSchema = z.array(z.object({ name: z.string(), value: z.string() }))

/** A recorded {@link HttpExchange} as stored in files. RFC 9110 §3.9 (request/response exchange). */
export const httpExchangeSchema = z.object({
  id: z.string(),
  step: exchangeStepSchema,
  startedAt: z.number(),
  durationMs: z.number(),
  request: z.object({ method: z.string(), url: z.string(), headers: headerRowsSchema, body: z.nullable(z.string()) }),
  response: z.nullable(z.object({ status: z.int(), statusText: z.string(), headers: headerRowsSchema, body: z.string() })),
  failure: z.nullable(z.object({ kind: z.enum(TRANSPORT_FAILURE_KINDS), message: z.string() })),
  via: z.optional(z.literal('relay')),
}) satisfies z.ZodMiniType<HttpExchange>


/** Room for a full log (100,000 exchanges of a few kB each) while staying far below the browser's string limit. */
export const SESSION_FILE_MAX_BYTES = 200 * 1024 * 1024
export const SESSION_FILE_MAX_EXCHANGES = 100_000
const MAX_MEGABYTES = SESSION_FILE_MAX_BYTES / 1024 / 1024

/** The console's own export: environments, clients and the HTTP log, secrets only if asked. */
export const sessionFileSchema = z.object({
  format: z.literal('oauth-console-session'),
  version: z.literal(1),
  exportedAt: z.string(),
  secretsIncluded: z.boolean(),
  environments: z.array(environmentSchema),
  exchanges: z.array(httpExchangeSchema).check(z.maxLength(SESSION_FILE_MAX_EXCHANGES)),
})
export type SessionFileData = z.infer<typeof sessionFileSchema>

/**
 * A session file. Without `includeSecrets`, client secrets become '', registration access tokens
 * are dropped and every exchange is masked. RFC 7591 §3.2.1, RFC 6749 §10.3.
 */
export function buildSessionFile(input: {
  environments: Environment[]
  exchanges: HttpExchange[]
  includeSecrets: boolean
  now: Date | number
}): SessionFileData {
  const { includeSecrets } = input
  return {
    format: 'oauth-console-session',
    version: 1,
    exportedAt: new Date(input.now).toISOString(),
    secretsIncluded: includeSecrets,
    environments: input.environments.map((environment) =>
      includeSecrets ? structuredClone(environment) : environmentWithoutSecrets(environment),
    ),
    exchanges: includeSecrets ? input.exchanges.map((exchange) => structuredClone(exchange)) : input.exchanges.map(maskExchange),
  }
}

function fileBytes(text: string): number {
  return text.length * 3 <= SESSION_FILE_MAX_BYTES ? text.length : utf8Length(text)
}

/**
 * Reads a session file, with a plain message for text that is not JSON, another kind of file, an
 * unsupported version, a file too large, or the path of the first invalid field. RFC 8259 §2.
 */
export function readSessionFile(text: string): { ok: true; session: SessionFileData } | { ok: false; message: string } {
  if (text.length > SESSION_FILE_MAX_BYTES || fileBytes(text) > SESSION_FILE_MAX_BYTES) {
    return { ok: false, message: `The file is larger than ${MAX_MEGABYTES} MB: session files are limited to ${MAX_MEGABYTES} MB` }
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, message: `The file is not JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, message: 'The file is not an OAuth Console session file: expected a JSON object' }
  }
  const { format, version, exchanges } = data as Record<string, unknown>
  if (format !== 'oauth-console-session') {
    const hint = 'log' in data ? ' It looks like a HAR file: import it as HAR.' : ''
    return {
      ok: false,
      message: `The file is not an OAuth Console session file: "format" is ${JSON.stringify(format) ?? 'missing'}, expected "oauth-console-session".${hint}`,
    }
  }
  if (version !== 1) {
    return { ok: false, message: `Unsupported session file version ${JSON.stringify(version) ?? '(missing)'}: this console reads version 1` }
  }
  if (Array.isArray(exchanges) && exchanges.length > SESSION_FILE_MAX_EXCHANGES) {
    return { ok: false, message: `The file has ${exchanges.length} exchanges: at most ${SESSION_FILE_MAX_EXCHANGES.toLocaleString('en-US')} can be imported` }
  }
  const parsed = sessionFileSchema.safeParse(data, { reportInput: true })
  if (!parsed.success) return { ok: false, message: `Invalid session file: ${describeZodIssue(parsed.error.issues[0])}` }
  return { ok: true, session: parsed.data }
}

/** `environments[0].clients[1].client_id` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : `${text === '' ? '' : '.'}${String(key)}`
  return text === '' ? '(top level)' : text
}

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`
}

function expectedKind(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}

/**
 * The first problem of a failed parse as "path: what was expected[, what arrived]", for messages
 * that name the field like oauth4webapi's do.
 */
export function describeZodIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid data'
  const where = formatIssuePath(issue.path)
  switch (issue.code) {
    case 'invalid_type': {
      const got = issue.input === undefined ? '' : `, got ${kindOf(issue.input)}`
      return `${where}: expected ${expectedKind(issue.expected)}${got}`
    }
    case 'invalid_value':
      return `${where}: expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`
    case 'too_big':
      return issue.origin === 'array' ? `${where}: more than ${issue.maximum} items` : `${where}: ${issue.message}`
    default:
      return `${where}: ${issue.message}`
  }
}
