// `npm run relay`: the relay alone, for a console served from other static hosting.
import { runTypeScriptEntry } from './run-typescript-entry.mjs'

await runTypeScriptEntry('relay/cli.ts', 'relay')
