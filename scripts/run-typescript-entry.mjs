// Node 20 cannot run TypeScript itself: esbuild bundles one entry (dependencies stay external) in a
// few milliseconds, then the bundle runs in this process with the same command-line options.
// `tsx <entry>` works too, only slower to start.
import { build } from 'esbuild'
import { rm } from 'node:fs/promises'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Bundles `entry` (relative to the project root) and runs it; `name` names its cache folder. */
export async function runTypeScriptEntry(entry, name) {
  // One bundle per process: tests start several servers at once.
  const outfile = `${root}node_modules/.cache/oauth-console-${name}/${name}-${process.pid}.mjs`
  await build({
    entryPoints: [`${root}${entry}`],
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
}
