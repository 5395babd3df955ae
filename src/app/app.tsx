import { lazy, Suspense, type ReactNode } from 'react'
import { EnvironmentPanel } from '../features/environments/environment-panel.tsx'
import { ClientCredentialsPanel } from '../features/flows/client-credentials/client-credentials-panel.tsx'
import { CALLBACK_PATH } from '../features/flows/authorization-code/callback-path.ts'
import { useWalkthroughRound } from '../features/guide/guide-store.ts'
import { PresentationSwitch } from '../features/presentation/presentation-switch.tsx'
import { SessionMenu } from '../features/session/session-menu.tsx'
import { ShareEnvironmentMenu } from '../features/sharing/share-environment-menu.tsx'
import { SharedLinkArrival } from '../features/sharing/shared-link-arrival.tsx'
import { RelayOfferContext } from '../components/exchange/relay-offer.ts'
import { useRelayOffer } from '../features/environments/use-relay-offer.ts'
import { useActiveEnvironment } from '../state/environment-store.ts'
import { ConsoleLogo } from '../components/ui/console-logo.tsx'
import { ErrorBoundary } from '../components/ui/error-boundary.tsx'
import { LoadingFallback } from '../components/ui/loading-fallback.tsx'
import { deferredStep } from './deferred-step.tsx'
import { AfterFirstView } from './first-view-painted.tsx'
import { AppProviders } from './providers.tsx'
import { LimitsSettings } from './limits-settings.tsx'
import { StorageProblemNotice } from './storage-problem-notice.tsx'
import { GuidedModeProvider } from './guided-mode-provider.tsx'
import { SecretMaskingProvider } from './secret-masking-provider.tsx'

/** Steps beside the tutorial: linked from the navigation, no progress of their own. */
const OTHER_STEPS = [
  { id: 'authorization-code', label: 'Authorization Code' },
  { id: 'token-exchange', label: 'Token Exchange' },
  { id: 'client-management', label: 'Client Management' },
] as const

function Header() {
  const environment = useActiveEnvironment()
  return (
    // Wraps in one column (a phone in a workshop), so every control stays in reach; one line once there is room.
    <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 split:flex-nowrap border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex shrink-0 items-center gap-2">
        <ConsoleLogo className="size-6" />
        <h1 className="text-lg font-semibold tracking-tight whitespace-nowrap">OAuth Console</h1>
      </div>
      <div className="flex min-w-0 flex-wrap items-center gap-3 split:flex-nowrap [&_button]:whitespace-nowrap [&_summary]:whitespace-nowrap">
        <p className="max-w-full truncate text-sm text-slate-600 dark:text-slate-300">
          Environment: <span className="font-semibold">{environment.name || 'Unnamed'}</span>
          {environment.issuer && <span className="ml-2 hidden font-mono text-xs text-slate-500 dark:text-slate-400 md:inline">{environment.issuer}</span>}
        </p>
        {/* A header control that throws keeps the steps and the log, as a step that throws does. */}
        <ErrorBoundary what="the header's controls">
          <PresentationSwitch />
          <ShareEnvironmentMenu />
          <LimitsSettings />
          <SessionMenu />
        </ErrorBoundary>
      </div>
    </header>
  )
}

// The walk-through navigation and the HTTP log come the frame after the steps, and so does their code: the
// first view neither waits for it nor compiles it.
const StepNavigation = lazy(() => import('../features/guide/step-navigation.tsx').then((module) => ({ default: module.StepNavigation })))
const HttpLogPanel = lazy(() => import('../features/http-log/http-log-panel.tsx').then((module) => ({ default: module.HttpLogPanel })))

// Steps below the fold: their headings at once, their code once the first view is painted.
const ExternalApiStep = deferredStep({
  id: 'external-api', number: 2, title: 'External API',
  load: () => import('../features/flows/external-api/external-api-panel.tsx').then((module) => ({ default: module.ExternalApiPanel })),
})
const DeviceFlowStep = deferredStep({
  id: 'device-flow', number: 3, title: 'Device Flow',
  load: () => import('../features/flows/device/device-flow-steps.tsx').then((module) => ({ default: module.DeviceFlowSteps })),
})
const AuthorizationCodeStep = deferredStep({
  id: 'authorization-code', title: 'Authorization Code',
  load: () => import('../features/flows/authorization-code/authorization-code-panel.tsx').then((module) => ({ default: module.AuthorizationCodePanel })),
})
const TokenExchangeStep = deferredStep({
  id: 'token-exchange', title: 'Token Exchange',
  load: () => import('../features/flows/token-exchange/token-exchange-panel.tsx').then((module) => ({ default: module.TokenExchangePanel })),
})
const ClientManagementStep = deferredStep({
  id: 'client-management', title: 'Client Management',
  load: () => import('../features/flows/client-management/client-management-panel.tsx').then((module) => ({ default: module.ClientManagementPanel })),
})
const TokenListStep = deferredStep({
  id: 'tokens', title: 'Tokens',
  load: () => import('../features/tokens/token-list-panel.tsx').then((module) => ({ default: module.TokenListPanel })),
})
/** Back from the authorization server: that step loads at once, to finish the code exchange. */
const isCallbackArrival = window.location.pathname === CALLBACK_PATH

/** The steps themselves; "Start over" remounts them so each begins afresh. */
function WalkthroughSteps() {
  const round = useWalkthroughRound()
  return (
    <div key={round} className="mx-auto flex max-w-4xl flex-col gap-5">
      <StorageProblemNotice />
      {/* Each step fails alone: one that throws keeps the others, the tokens and the log. */}
      <ErrorBoundary what="the Environment step">
        <EnvironmentPanel />
      </ErrorBoundary>
      <ErrorBoundary what="the Client Credentials step">
        <ClientCredentialsPanel />
      </ErrorBoundary>
      <ErrorBoundary what="the External API step">
        <ExternalApiStep />
      </ErrorBoundary>
      <ErrorBoundary what="the Device Flow and Poll steps">
        <DeviceFlowStep />
      </ErrorBoundary>
      <ErrorBoundary what="the Authorization Code step">
        <AuthorizationCodeStep eager={isCallbackArrival} />
      </ErrorBoundary>
      <ErrorBoundary what="the Token Exchange step">
        <TokenExchangeStep />
      </ErrorBoundary>
      <ErrorBoundary what="the Client Management step">
        <ClientManagementStep />
      </ErrorBoundary>
      <ErrorBoundary what="the token list">
        <TokenListStep />
      </ErrorBoundary>
    </div>
  )
}

/** Failure views offer "Use local relay" through this, without reading any store themselves. */
function RelayOfferProvider({ children }: { children: ReactNode }) {
  return <RelayOfferContext value={useRelayOffer()}>{children}</RelayOfferContext>
}

/** Keeps the navigation's place in the grid until it is there. */
const navigationPlaceholder = <div className="split:col-span-2 wide:col-span-1" />

export function App() {
  return (
    <AppProviders>
      <SecretMaskingProvider>
        <GuidedModeProvider>
        <RelayOfferProvider>
        {/* One column (a phone): the page scrolls as a whole, the log after the steps. Side by side: each column scrolls on its own. */}
        <div className="flex min-h-dvh flex-col split:h-dvh split:overflow-hidden">
          <a href="#main" className="sr-only text-sm focus:not-sr-only focus:absolute focus:p-2">
            Skip to the steps
          </a>
          <Header />
          <ErrorBoundary what="the shared link">
            <SharedLinkArrival />
          </ErrorBoundary>
          <div className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] grid-rows-[auto_1fr_auto] split:grid-cols-[minmax(0,1fr)_minmax(18rem,24rem)] split:grid-rows-[auto_1fr] wide:grid-cols-[15rem_minmax(0,1fr)_minmax(22rem,32rem)] wide:grid-rows-1">
            {/* The navigation and the log come the frame after the steps: the grid keeps their places meanwhile. */}
            <AfterFirstView placeholder={navigationPlaceholder}>
              <ErrorBoundary what="the walk-through navigation">
                <Suspense fallback={navigationPlaceholder}>
                  <StepNavigation otherSteps={OTHER_STEPS} />
                </Suspense>
              </ErrorBoundary>
            </AfterFirstView>
            <main id="main" className="relative min-h-0 min-w-0 p-4 split:overflow-y-auto">
              <WalkthroughSteps />
            </main>
            <aside aria-label="HTTP log" className="relative min-w-0 max-h-[40vh] min-h-0 border-t border-slate-200 bg-white split:max-h-none split:border-t-0 split:border-l dark:border-slate-800 dark:bg-slate-900">
              <ErrorBoundary what="the HTTP log">
                <AfterFirstView>
                  <Suspense fallback={<LoadingFallback what="the log" className="p-3" />}>
                    <HttpLogPanel />
                  </Suspense>
                </AfterFirstView>
              </ErrorBoundary>
            </aside>
          </div>
        </div>
        </RelayOfferProvider>
        </GuidedModeProvider>
      </SecretMaskingProvider>
    </AppProviders>
  )
}
