// `npm test`: lint, typecheck, unit tests and the e2e build side by side, then the journeys (scripts/test-all.ts).
import { runTypeScriptEntry } from './run-typescript-entry.mjs'

await runTypeScriptEntry('scripts/test-all.ts', 'test-all')
