import { useMutation } from '@tanstack/react-query'
import { memo, useCallback, useMemo, useState } from 'react'
import { ClientKeyField } from '../../../components/client/client-key-field.tsx'
import { GuidedStepNote } from '../../../components/guide/guided-step-note.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { useCancellable } from '../../../components/ui/use-cancellable.ts'
import { CodeBlock } from '../../../components/ui/code-block.tsx'
import { SelectField, TextAreaField, TextField } from '../../../components/ui/fields.tsx'
import { ParamRowsEditor, type EditableRow } from '../../../components/ui/param-rows-editor.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { SubmitWithCancel } from '../../../components/ui/submit-with-cancel.tsx'
import { withJwksInBody, type PrivateJwk } from '../../../protocol/client-keys.ts'
import type { ApiOutcome } from '../../../protocol/external-api.ts'
import { parseJsonText } from '../../../protocol/json-text.ts'
import { classifyErrorReply } from '../../../protocol/reply-classification.ts'
import { readClientRegistration } from '../../../protocol/registration.ts'
import { previewRequest } from '../../../protocol/request-preview.ts'
import { existingDpopKeyPair } from '../../../protocol/dpop-key.ts'
import { sendApiRequest } from '../../../protocol/requests-on-demand.ts'
import { environmentServer, useActiveEnvironment, useEnvironmentActions, type Environment } from '../../../state/environment-store.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { useObtainedTokens, type ObtainedToken } from '../../../state/token-store.ts'
import { RegistrationResult } from './registration-result.tsx'

const METHODS = ['POST', 'GET', 'PUT', 'PATCH', 'DELETE'] as const
const DEFAULT_BODY = '{\n  "software_id": "device-client"\n}'
const NO_TOKEN = 'none'
const NEWEST_TOKEN = 'newest'

const bearerLabel = (token: ObtainedToken) => `${token.label}${token.tokens.scope ? ` (scope: ${token.tokens.scope})` : ''}`

function sendsJson(headers: EditableRow[]) {
  return headers.some((row) => row.enabled && row.name.trim().toLowerCase() === 'content-type' && /json/i.test(row.value))
}

/** An API's error reply in OAuth form (RFC 6750 §3.1, RFC 7591 §3.2.2) gets the same explanation as a token error. */
function oauthErrorOf(outcome: Extract<ApiOutcome, { kind: 'response' }>) {
  if (outcome.status < 400) return null
  const failure = classifyErrorReply(outcome, outcome.exchange)
  return failure.kind === 'oauth_error' ? failure : null
}

interface ApiResultProps {
  outcome: ApiOutcome | undefined
  environment: Environment
  clientKey: PrivateJwk | undefined
}

/** The reply. Memoised: a token obtained in another step (a new Bearer choice) does not redraw it. */
const ApiResult = memo(function ApiResult({ outcome, environment, clientKey }: ApiResultProps) {
  const { originConfirmed } = useEnvironmentActions()
  const registered = outcome?.kind === 'response' ? readClientRegistration(outcome.json) : null
  const oauthError = outcome?.kind === 'response' ? oauthErrorOf(outcome) : null
  return (
    <div className="mt-4 flex flex-col gap-3">
      {outcome?.kind === 'response' && (
        <>
          <p role="status" className="text-sm">
            <span className="font-semibold">Response:</span>{' '}
            <span className={outcome.status < 400 ? 'text-emerald-700 dark:text-emerald-400' : 'text-rose-700 dark:text-rose-400'}>
              {outcome.status} {outcome.statusText}
            </span>
          </p>
          {oauthError && <RequestFailureView failure={oauthError} />}
          {registered && <RegistrationResult key={registered.client_id} environment={environment} registered={registered} reply={outcome.json} clientKey={clientKey} />}
          <details>
            <summary className="cursor-pointer text-sm">Response headers ({outcome.headers.length})</summary>
            <CodeBlock
              label="Response headers"
              maxHeightClass="max-h-40"
              text={outcome.headers.map((header) => `${header.name}: ${header.value}`).join('\n') || '(none readable)'}
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              A page can read only the headers the server exposes through CORS (Access-Control-Expose-Headers).
            </p>
          </details>
          <CodeBlock
            label="Response body"
            text={outcome.json !== undefined ? JSON.stringify(outcome.json, null, 2) : outcome.body || '(empty body)'}
          />
          {!oauthError && <RawExchange exchange={outcome.exchange} />}
        </>
      )}
      {outcome && outcome.kind !== 'response' && <RequestFailureView failure={outcome} />}
      {outcome?.kind === 'invalid_input' && outcome.unconfirmed_origin && (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              if (outcome.unconfirmed_origin) originConfirmed(environment.id, outcome.unconfirmed_origin)
            }}
          >
            Allow credentials to {outcome.unconfirmed_origin}
          </Button>
        </div>
      )}
    </div>
  )
})

const METHOD_OPTIONS = METHODS.map((value) => ({ value, label: value }))

interface MethodAndUrlProps {
  method: string
  url: string
  followsRegistrationEndpoint: boolean
  onMethodChange: (method: string) => void
  onUrlChange: (url: string) => void
}

/** Memoised, as the fields below the Bearer choice are: a token obtained in another step redraws that choice only. */
const MethodAndUrl = memo(function MethodAndUrl(props: MethodAndUrlProps) {
  return (
    <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
      <SelectField label="Method" value={props.method} onValueChange={props.onMethodChange} options={METHOD_OPTIONS} />
      <TextField
        label="URL"
        value={props.url}
        className="font-mono"
        placeholder="https://api.example.com/resource"
        onValueChange={props.onUrlChange}
        hint={props.followsRegistrationEndpoint ? 'The registration endpoint of this environment.' : undefined}
      />
    </div>
  )
})

interface HeadersAndBodyProps {
  hasBody: boolean
  headers: EditableRow[]
  body: string
  bodyError: string | null
  clientKey: PrivateJwk | undefined
  onHeadersChange: (rows: EditableRow[]) => void
  onBodyChange: (body: string) => void
  onClientKeyChange: (key: PrivateJwk | undefined) => void
  onInsertJwks: () => void
}

const HeadersAndBody = memo(function HeadersAndBody(props: HeadersAndBodyProps) {
  const { hasBody, clientKey } = props
  return (
    <>
      <ParamRowsEditor label="Headers" rows={props.headers} onRowsChange={props.onHeadersChange} addLabel="Add header" />
      {hasBody && <TextAreaField label="Request body" value={props.body} rows={6} error={props.bodyError} onValueChange={props.onBodyChange} />}
      {hasBody && (
        <details>
          <summary className="cursor-pointer text-sm">Client key for private_key_jwt</summary>
          <div className="mt-2">
            <ClientKeyField
              jwk={clientKey}
              onJwkChange={props.onClientKeyChange}
              actions={
                clientKey && (
                  <Button variant="secondary" onClick={props.onInsertJwks}>
                    Insert jwks into the body
                  </Button>
                )
              }
            />
          </div>
        </details>
      )}
    </>
  )
})

export function ExternalApiPanel() {
  const environment = useActiveEnvironment()
  const tokens = useObtainedTokens()
  const [method, setMethod] = useState<string>('POST')
  // null: follow the environment's registration endpoint until the person types their own URL.
  const [customUrl, setCustomUrl] = useState<string | null>(null)
  const [headers, setHeaders] = useState<EditableRow[]>([{ name: 'Content-Type', value: 'application/json', enabled: true }])
  const [bearerChoice, setBearerChoice] = useState<string | null>(null)
  const [body, setBody] = useState(DEFAULT_BODY)
  const [bodyError, setBodyError] = useState<string | null>(null)
  // The key a private_key_jwt client registers with; it goes with the client on "Use as device client".
  const [clientKey, setClientKey] = useState<PrivateJwk | undefined>(undefined)

  const insertJwks = useCallback(() => {
    if (!clientKey) return
    const inserted = withJwksInBody(body, clientKey)
    if (inserted.ok) {
      setBody(inserted.body)
      setBodyError(null)
    } else {
      setBodyError(inserted.message)
    }
  }, [body, clientKey])
  const bodyChanged = useCallback((value: string) => {
    setBody(value)
    setBodyError(null)
  }, [])

  const url = customUrl ?? environment.endpoints.registration_endpoint ?? ''
  // Until chosen, the newest token is the one the walk-through just obtained: one choice follows it, so a
  // new token relabels that choice rather than changing the selection from script (which makes Chrome's
  // autofill read the form again).
  const bearerValue = bearerChoice ?? (tokens.length > 0 ? NEWEST_TOKEN : NO_TOKEN)
  const bearerId = bearerValue === NEWEST_TOKEN ? tokens.at(-1)?.id : bearerValue
  const bearer = tokens.find((token) => token.id === bearerId)
  const bearerOptions = useMemo(() => {
    const newest = tokens.at(-1)
    return [
      { value: NO_TOKEN, label: 'None' },
      ...(newest ? [{ value: NEWEST_TOKEN, label: `The newest token: ${bearerLabel(newest)}` }] : []),
      ...tokens.map((token) => ({ value: token.id, label: bearerLabel(token) })),
    ]
  }, [tokens])
  const hasBody = method !== 'GET'
  const cancellable = useCancellable()

  // One input for the request and its guided preview, so the preview is what will be sent.
  const input = () => ({
    method,
    url,
    headers,
    body: hasBody ? body : null,
    bearer: bearer?.tokens.access_token ?? null,
    ...requestTransport(environment),
    bearer_token_type: bearer?.tokens.token_type,
    trust: environmentServer(environment),
  })
  const dpopBound = bearer?.tokens.token_type.toLowerCase() === 'dpop'
  // A DPoP-bound token goes with the key this session made for its environment, when it still has it.
  const withDpopKey = async () => {
    const dpop = dpopBound && bearer ? await existingDpopKeyPair(bearer.environmentId) : null
    return { ...input(), ...(dpop ? { dpop } : {}) }
  }
  const send = useMutation({
    mutationFn: async () => sendApiRequest({ ...(await withDpopKey()), signal: cancellable.signal() }),
  })

  const submit = () => {
    if (hasBody && sendsJson(headers) && body.trim() !== '') {
      const parsed = parseJsonText(body)
      if (!parsed.ok) {
        setBodyError(`Invalid JSON at line ${parsed.line}, column ${parsed.column}: ${parsed.message}. Nothing was sent.`)
        return
      }
    }
    setBodyError(null)
    send.mutate()
  }

  const outcome = send.data
  return (
    <StepSection
      id="external-api"
      number={2}
      title="External API"
      description="Any HTTP request with a token as Bearer. Prefilled for Dynamic Client Registration (RFC 7591): the registration endpoint and a software_id that selects the server's client template."
    >
      <GuidedStepNote
        step="external-api"
        preview={() => previewRequest(async (recording) => sendApiRequest({ ...(await withDpopKey()), ...recording }))}
        previewKey={JSON.stringify([method, url, headers, hasBody ? body : null, bearer?.id ?? null, environment.useRelay])}
      />
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          submit()
        }}
      >
        <MethodAndUrl method={method} url={url} followsRegistrationEndpoint={customUrl === null} onMethodChange={setMethod} onUrlChange={setCustomUrl} />
        <SelectField
          label="Bearer token"
          value={bearerValue}
          onValueChange={setBearerChoice}
          hint={
            bearer
              ? `Sent as Authorization: ${dpopBound ? 'DPoP' : 'Bearer'} …${bearer.tokens.access_token.slice(-6)}${dpopBound ? ' with a fresh DPoP proof (RFC 9449 §7.1)' : ''}`
              : 'No Authorization header is added.'
          }
          options={bearerOptions}
        />
        <HeadersAndBody
          hasBody={hasBody}
          headers={headers}
          body={body}
          bodyError={bodyError}
          clientKey={clientKey}
          onHeadersChange={setHeaders}
          onBodyChange={bodyChanged}
          onClientKeyChange={setClientKey}
          onInsertJwks={insertJwks}
        />
        <SubmitWithCancel pending={send.isPending} onCancel={cancellable.cancel}>
          Send request
        </SubmitWithCancel>
      </form>

      <ApiResult outcome={outcome} environment={environment} clientKey={clientKey} />
    </StepSection>
  )
}
