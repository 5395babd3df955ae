// `npm run sandbox`: the local identity server, with the same command-line options.
import { runTypeScriptEntry } from './run-typescript-entry.mjs'

await runTypeScriptEntry('sandbox/server.ts', 'sandbox')
