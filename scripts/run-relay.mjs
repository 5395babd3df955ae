// `npm run relay`: the relay alone, for a console served from other static hosting. Bundled with
// esbuild like the sandbox (Node 20 cannot run TypeScript itself), then run in this process.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const outfile = `${root}node_modules/.cache/oauth-console-relay/relay-${process.pid}.mjs`

await build({
  entryPoints: [`${root}relay/cli.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})
try {
  await import(pathToFileURL(outfile).href)
} finally {
  await rm(outfile, { force: true })
}
