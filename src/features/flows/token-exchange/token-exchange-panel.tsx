import { useMutation } from '@tanstack/react-query'
import { memo, useCallback, useMemo, useState } from 'react'
import { ClientRequestFields } from '../../../components/client/client-request-fields.tsx'
import { RefusedClientAdvice } from '../../../components/client/refused-client-advice.tsx'
import { useClientChoice } from '../../../components/client/use-client-choice.ts'
import { TokenReplyView } from '../../../components/exchange/token-reply-view.tsx'
import { useResultKeptWhileBusy } from '../../../components/exchange/use-result-kept-while-busy.ts'
import { useCancellable } from '../../../components/ui/use-cancellable.ts'
import { SelectField, TextField, type SelectOption } from '../../../components/ui/fields.tsx'
import { StepSection } from '../../../components/ui/step-section.tsx'
import { SubmitWithCancel } from '../../../components/ui/submit-with-cancel.tsx'
import type { ClientAuthMethod } from '../../../protocol/client-auth.ts'
import { requestTokenExchange, TOKEN_TYPE_URIS } from '../../../protocol/token-exchange.ts'
import type { TokenOutcome } from '../../../protocol/token-response.ts'
import { clientRequestInput, useActiveEnvironment } from '../../../state/environment-store.ts'
import { requestTransport } from '../../../state/request-transport.ts'
import { useObtainedTokens, useTokenActions, type ObtainedToken } from '../../../state/token-store.ts'

type TokenField = keyof typeof FIELD_NAMES
const FIELD_NAMES = { access_token: 'access token', refresh_token: 'refresh token', id_token: 'ID token' } as const

const NEWEST_TOKEN = 'newest'

const TYPE_OPTIONS: SelectOption[] = Object.values(TOKEN_TYPE_URIS).map((uri) => ({ value: uri, label: uri }))

/** What "Token issued" says: the issued_token_type the server named (RFC 8693 §2.2.1), then where the token went. */
function issuedNote(outcome: TokenOutcome | undefined): string {
  const issued = outcome?.kind === 'tokens' ? outcome.tokens.issued_token_type : undefined
  return `${typeof issued === 'string' ? `issued_token_type ${issued}. ` : ''}Added to the token list.`
}

/** Every token in the list as "<token id>:<field>", so a reply's refresh or ID token can be the subject too. */
function tokenChoices(tokens: readonly ObtainedToken[]): SelectOption[] {
  return [...tokens].reverse().flatMap((token) =>
    (Object.keys(FIELD_NAMES) as TokenField[]).flatMap((field) =>
      typeof token.tokens[field] === 'string' ? [{ value: `${token.id}:${field}`, label: `${token.label} — ${FIELD_NAMES[field]}` }] : [],
    ),
  )
}

function chosenToken(tokens: readonly ObtainedToken[], choice: string): { value: string; type: string } | null {
  const [id, field] = choice.split(':') as [string, TokenField | undefined]
  const token = tokens.find((candidate) => candidate.id === id)
  const value = field ? token?.tokens[field] : undefined
  if (!field || typeof value !== 'string') return null
  return { value, type: TOKEN_TYPE_URIS[field] }
}

interface TokenChoiceFieldsProps {
  choices: SelectOption[]
  subjectOptions: SelectOption[]
  subjectValue: string
  subjectType: string
  actorChoice: string
  onSubjectChange: (choice: string) => void
  onSubjectTypeChange: (type: string) => void
  onActorChange: (choice: string) => void
}

/** The subject and actor tokens, picked from the token list: the only fields a newly obtained token redraws. */
const TokenChoiceFields = memo(function TokenChoiceFields(props: TokenChoiceFieldsProps) {
  const { choices } = props
  return (
    <>
      <SelectField
        label="Subject token"
        value={props.subjectValue}
        onValueChange={props.onSubjectChange}
        options={props.subjectOptions.length ? props.subjectOptions : [{ value: '', label: 'No tokens yet: get one in an earlier step' }]}
      />
      <SelectField label="Subject token type" value={props.subjectType} onValueChange={props.onSubjectTypeChange} options={TYPE_OPTIONS} />
      <SelectField
        label="Actor token"
        value={props.actorChoice}
        onValueChange={props.onActorChange}
        options={[{ value: '', label: 'None (impersonation)' }, ...choices]}
        hint="Optional: the party acting for the subject (delegation, RFC 8693 §1.1)."
      />
    </>
  )
})

const REQUESTED_TYPE_OPTIONS: SelectOption[] = [{ value: '', label: 'Server default' }, ...TYPE_OPTIONS]

interface TargetFieldsProps {
  requestedType: string
  audience: string
  resource: string
  onRequestedTypeChange: (type: string) => void
  onAudienceChange: (audience: string) => void
  onResourceChange: (resource: string) => void
}

/** What the new token is for. Memoised: neither a new token nor a click redraws these. */
const TargetFields = memo(function TargetFields(props: TargetFieldsProps) {
  return (
    <>
      <SelectField label="Requested token type" value={props.requestedType} onValueChange={props.onRequestedTypeChange} options={REQUESTED_TYPE_OPTIONS} />
      <TextField label="Audience" value={props.audience} onValueChange={props.onAudienceChange} className="font-mono" hint="Optional: who will accept the new token." />
      <TextField label="Resource" value={props.resource} onValueChange={props.onResourceChange} className="font-mono" hint="Optional: a URI (RFC 8707)." />
    </>
  )
})

export function TokenExchangePanel() {
  const environment = useActiveEnvironment()
  const tokens = useObtainedTokens()
  const { replyTokensKept } = useTokenActions()
  const clientChoice = useClientChoice(environment)
  const { client, auth } = clientChoice
  const [subjectChoice, setSubjectChoice] = useState('')
  const [subjectTypeOverride, setSubjectTypeOverride] = useState<string | null>(null)
  const [actorChoice, setActorChoice] = useState('')
  const [requestedType, setRequestedType] = useState('')
  const [audience, setAudience] = useState('')
  const [resource, setResource] = useState('')
  const [scope, setScope] = useState('')

  const choices = useMemo(() => tokenChoices(tokens), [tokens])
  // Until chosen, the subject is the newest token: one choice follows it, so a new token relabels that
  // choice rather than changing the selection from script (which makes Chrome's autofill read the form again).
  const subjectOptions = useMemo(
    () => (choices[0] ? [{ value: NEWEST_TOKEN, label: `The newest token: ${choices[0].label}` }, ...choices] : []),
    [choices],
  )
  const subjectValue = subjectChoice || (choices.length > 0 ? NEWEST_TOKEN : '')
  const newest = choices[0]?.value ?? ''
  const subject = chosenToken(tokens, subjectValue === NEWEST_TOKEN ? newest : subjectValue) ?? chosenToken(tokens, newest)
  const subjectType = subjectTypeOverride ?? subject?.type ?? TOKEN_TYPE_URIS.access_token
  const actor = chosenToken(tokens, actorChoice)
  const subjectChanged = useCallback((choice: string) => {
    setSubjectChoice(choice)
    setSubjectTypeOverride(null)
  }, [])

  const cancellable = useCancellable()
  // The method is the request's own, so a refusal is diagnosed against what was sent (see RefusedClientAdvice).
  const exchange = useMutation({
    mutationFn: (sentAuth: ClientAuthMethod) =>
      requestTokenExchange({
        ...clientRequestInput(environment, client, { auth: sentAuth }),
        subject_token: subject?.value ?? '',
        subject_token_type: subjectType,
        ...(actor ? { actor_token: actor.value, actor_token_type: actor.type } : {}),
        requested_token_type: requestedType,
        audience,
        resource,
        scope,
        ...requestTransport(environment),
        signal: cancellable.signal(),
      }),
    onSuccess: (outcome) => {
      if (outcome.kind === 'tokens' && client) {
        replyTokensKept('token-exchange', { environmentId: environment.id, clientProfileId: client.id, client_id: client.client_id }, outcome.tokens)
      }
    },
  })
  // Kept on screen while the next exchange runs, so the reply is updated in place rather than rebuilt.
  const outcome = useResultKeptWhileBusy(exchange.data, exchange.isPending)

  return (
    <StepSection
      id="token-exchange"
      title="Token Exchange"
      description="Trade a token from the list for another one, narrower or for another audience, as a service acting for the user would (RFC 8693)."
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault()
          exchange.mutate(auth)
        }}
      >
        <ClientRequestFields
          choice={clientChoice}
          scope={scope}
          onScopeChange={setScope}
          scopeHint="Optional: at most the subject's scope."
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <TokenChoiceFields
            choices={choices}
            subjectOptions={subjectOptions}
            subjectValue={subjectValue}
            subjectType={subjectType}
            actorChoice={actorChoice}
            onSubjectChange={subjectChanged}
            onSubjectTypeChange={setSubjectTypeOverride}
            onActorChange={setActorChoice}
          />
          <TargetFields
            requestedType={requestedType}
            audience={audience}
            resource={resource}
            onRequestedTypeChange={setRequestedType}
            onAudienceChange={setAudience}
            onResourceChange={setResource}
          />
        </div>
        <SubmitWithCancel pending={exchange.isPending} onCancel={cancellable.cancel}>
          Exchange token
        </SubmitWithCancel>
      </form>
      <RefusedClientAdvice outcome={outcome} request={exchange} choice={clientChoice} verb="Exchange token" />
      <TokenReplyView outcome={outcome} note={issuedNote(outcome)} />
    </StepSection>
  )
}
