// Starts the sandbox identity server fast on Node 20, which cannot run TypeScript itself: esbuild
// bundles sandbox/ (dependencies stay external) in a few milliseconds, then the bundle runs in this
// process with the same command-line options. `tsx sandbox/server.ts` works too, only slower to start.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// One bundle per process: tests start several sandboxes at once.
const outfile = `${root}node_modules/.cache/oauth-console-sandbox/server-${process.pid}.mjs`

await build({
  entryPoints: [`${root}sandbox/server.ts`],
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
  // Loaded (or failed): the file has served its purpose.
  await rm(outfile, { force: true })
}
