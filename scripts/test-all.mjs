// `npm test`: lint, typecheck, unit tests and the journeys side by side, then the room load test (scripts/test-all.ts).
import { runTypeScriptEntry } from './run-typescript-entry.mjs'

await runTypeScriptEntry('scripts/test-all.ts', 'test-all')
