import { environmentFromShared, type SharedEnvironment } from '../../protocol/shared-environment.ts'
import { useEnvironmentActions } from '../../state/environment-store.ts'
import { newId } from '../../state/new-id.ts'

/** Adds a shared environment as a new one (fresh ids, no secrets) and makes it the active environment. */
export function useAddSharedEnvironment() {
  const { environmentsImported } = useEnvironmentActions()
  return (shared: SharedEnvironment): string => {
    const environment = environmentFromShared(shared, newId)
    environmentsImported([environment])
    return environment.name
  }
}
