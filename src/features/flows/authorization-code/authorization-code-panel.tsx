import { useState, type ReactNode } from 'react'
import { AuthMethodSelect, ClientPicker } from '../../../components/client/client-picker.tsx'
import { DpopOption } from '../../../components/dpop/dpop-option.tsx'
import { ClientAuthAdvice } from '../../../components/client/client-auth-advice.tsx'
import { RawExchange } from '../../../components/exchange/exchange-view.tsx'
import { RequestFailureView } from '../../../components/exchange/request-failure-view.tsx'
import { Button } from '../../../components/ui/button.tsx'
import { CancelButton } from '../../../components/ui/cancel-button.tsx'
import { CodeBlock } from '../../../components/ui/code-block.tsx'
import { CopyButton } from '../../../components/ui/copy-button.tsx'
import { CheckboxField, TextField } from '../../../components/ui/fields.tsx'
import { Notice } from '../../../components/ui/notice.tsx'
import { ParamRowsEditor, type EditableRow } from '../../../components/ui/param-rows-editor.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { authorizationPreflight } from '../../../protocol/authorization-code.ts'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { clientAuthContext, environmentServer, pickClient, useActiveEnvironment, useFlowScope } from '../../../state/environment-store.ts'
import { defaultRedirectUri, readCallbackArrival } from './callback-arrival.ts'
import { CompletionView } from './completion-view.tsx'
import { useAuthorizationCodeFlow } from './use-authorization-code-flow.ts'

/** Suggested extra parameters, off until the person switches one on. OIDC Core §3.1.2.1. */
const SUGGESTED_EXTRA: EditableRow[] = [
  { name: 'prompt', value: 'login', enabled: false },
  { name: 'login_hint', value: '', enabled: false },
  { name: 'acr_values', value: '', enabled: false },
]

/** A request preview with its name on screen, a Copy of the exact text, and a line on what it is for. */
function LabelledBlock(props: { title: string; copy: string | null; copyLabel: string; hint?: string; children: ReactNode }) {
  const { title, copy, copyLabel, hint, children } = props
  return (
    <div>
      <div className="mb-1 flex items-end justify-between gap-2">
        <span className="text-xs font-semibold text-slate-600 dark:text-slate-300">{title}</span>
        {copy !== null && <CopyButton text={copy} label={copyLabel} />}
      </div>
      {children}
      {hint && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{hint}</p>}
    </div>
  )
}

export function AuthorizationCodePanel() {
  // Back from the server: the form comes back as it was sent.
  const restored = readCallbackArrival()?.pending ?? null
  const environment = useActiveEnvironment()
  const [clientProfileId, setClientProfileId] = useState<string | null>(restored?.clientProfileId ?? null)
  const [authOverride, setAuthOverride] = useState<ClientAuthMethod | null>(restored?.auth ?? null)
  const [redirect_uri, setRedirectUri] = useState(restored?.redirect_uri ?? defaultRedirectUri)
  const [scope, setScope] = useFlowScope(environment, 'authorization_code')
  const [usePkce, setUsePkce] = useState(restored?.usePkce ?? true)
  const [usePar, setUsePar] = useState(restored?.usePar ?? false)
  const [useDpop, setUseDpop] = useState(restored?.useDpop ?? false)
  const [extra, setExtra] = useState<EditableRow[]>(restored?.extra ?? SUGGESTED_EXTRA)
  const client = pickClient(environment, clientProfileId)
  const auth = authOverride ?? client?.token_endpoint_auth_method ?? 'client_secret_basic'
  const parAvailable = Boolean(environmentServer(environment).pushed_authorization_request_endpoint)
  const form = { redirect_uri, scope, usePkce, usePar: usePar && parAvailable, useDpop, extra }
  const flow = useAuthorizationCodeFlow(environment, client, auth, form)
  const started = flow.authorize.data
  const completed = flow.completion.data
  // A code exchange or a pushed request the server refused for the client's authentication gets the diagnosis the other token steps give.
  const refused =
    completed?.kind === 'exchanged' && completed.outcome.kind !== 'tokens'
      ? completed.outcome
      : started && started.kind !== 'redirecting'
        ? started
        : null
  // The server answers these on its own error page, never back here: said before the browser leaves.
  const preflight = authorizationPreflight({ redirect_uri, consoleCallback: defaultRedirectUri(), registration: client?.registration })

  return (
    <StepSection
      id="authorization-code"
      title="Authorization Code"
      description={
        <>
          Sign a user in through the browser (RFC 6749 §4.1): Authorize sends this tab to the server, which sends it back to the redirect URI
          with a code that is then exchanged for tokens. PKCE (RFC 7636) binds the code to this console; PAR (RFC 9126) sends the request
          over a back channel first.
        </>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          flow.authorize.mutate(undefined)
        }}
      >
        <ClientPicker
          environment={environment}
          clientProfileId={client?.id ?? null}
          onClientProfileChange={(id) => {
            setClientProfileId(id)
            setAuthOverride(null)
          }}
          showKey={auth === 'private_key_jwt'}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <AuthMethodSelect value={auth} onValueChange={setAuthOverride} hint="Used when the code is exchanged (and for PAR)." />
          <TextField label="Scope" value={scope} onValueChange={setScope} className="font-mono" hint="Space-separated; openid asks for an ID token. Kept with this environment." />
          <TextField
            label="Redirect URI"
            fieldClassName="sm:col-span-2"
            value={redirect_uri}
            onValueChange={setRedirectUri}
            className="font-mono"
            hint="Must be registered for the client. This console completes the flow at its own /callback."
          />
        </div>
        <div className="flex flex-col gap-2">
          <CheckboxField
            label="Use PKCE"
            checked={usePkce}
            onCheckedChange={setUsePkce}
            hint="S256 code_challenge now, code_verifier with the code (RFC 7636)."
          />
          <CheckboxField
            label="Use PAR"
            checked={form.usePar}
            onCheckedChange={setUsePar}
            disabled={!parAvailable}
            hint={
              parAvailable
                ? 'Push the request to the PAR endpoint; only client_id and request_uri go through the browser (RFC 9126).'
                : 'Not available: the server lists no pushed_authorization_request_endpoint (discover it, or enter it in Environment).'
            }
          />
          <DpopOption
            environmentId={environment.id}
            checked={useDpop}
            onCheckedChange={setUseDpop}
            ownKey={{
              ...flow.dpop,
              hint: 'A key made in this browser for this request: its thumbprint goes as dpop_jkt, binding the code, and the code exchange carries a proof, binding the tokens (RFC 9449 §10). The private key waits in this tab\'s sessionStorage until the code is back.',
            }}
          />
        </div>
        <ParamRowsEditor label="Extra parameters" rows={extra} onRowsChange={setExtra} addLabel="Add parameter" />
        {form.usePar && (
          <LabelledBlock title="Pushed request body" copy={flow.parameters.toString()} copyLabel="Copy pushed body">
            <CodeBlock label="Pushed request body" text={flow.parameters.toString().replaceAll('&', '\n&')} maxHeightClass="max-h-40" />
          </LabelledBlock>
        )}
        {flow.preview.ok ? (
          <LabelledBlock
            title="Authorization URL"
            copy={form.usePar ? null : flow.preview.url.href}
            copyLabel="Copy URL"
            hint={
              form.usePar
                ? 'The request_uri comes from the PAR reply when you press Authorize.'
                : 'Opened elsewhere (another browser, a private window) it shows the server\'s pages, but only this tab holds the state, nonce and code_verifier to finish the flow.'
            }
          >
            <CodeBlock label="Authorization URL" text={flow.preview.url.href} maxHeightClass="max-h-40" />
          </LabelledBlock>
        ) : (
          <Notice tone="warning" title="No authorization URL yet">
            {flow.preview.failure.message}
          </Notice>
        )}
        {preflight.length > 0 && (
          <Notice tone="warning" title="Before you authorize">
            {preflight.map((warning) => (
              <p key={warning}>{warning}</p>
            ))}
          </Notice>
        )}
        <div className="flex gap-2">
          <Button type="submit" busy={flow.authorize.isPending || (started?.kind === 'redirecting')} disabled={(!flow.pkceReady && usePkce) || (useDpop && flow.dpop.thumbprint === null)}>
            Authorize
          </Button>
          <CancelButton pending={flow.authorize.isPending} onCancel={flow.cancelAuthorize} />
        </div>
      </form>

      <div className="mt-4 flex flex-col gap-3" aria-live="polite">
        {started && started.kind !== 'redirecting' && <RequestFailureView failure={started} />}
        {started?.kind === 'redirecting' && (
          <>
            <Notice tone="info" title="Redirecting to the authorization server">
              {started.pushed ? `Request pushed; request_uri ${started.pushed.request_uri}. ` : ''}This tab now goes to the server.
            </Notice>
            {started.exchange && <RawExchange exchange={started.exchange} />}
          </>
        )}
        {flow.arrival && flow.completion.isPending && <Notice tone="info" title="Exchanging the code…">Checking the redirect and redeeming the code.</Notice>}
        {refused && !flow.authorize.isPending && (
          // The form is back as the request was sent, so `auth` is the method the refused exchange used.
          <ClientAuthAdvice
            failure={refused}
            context={clientAuthContext(environment, client, auth)}
            verb="Authorize again"
            onFix={({ method }) => {
              setAuthOverride(method)
              flow.authorize.mutate(method)
            }}
          />
        )}
        {flow.completion.data && <CompletionView outcome={flow.completion.data} />}
      </div>
    </StepSection>
  )
}
