// Raw and gzip sizes of the built JS and CSS, as a browser would download them.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export async function bundleSizes(outDir) {
  const totals = { js: { raw: 0, gzip: 0, files: 0 }, css: { raw: 0, gzip: 0, files: 0 } }
  const assets = join(outDir, 'assets')
  for (const name of await readdir(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null
    if (!kind) continue
    const bytes = await readFile(join(assets, name))
    totals[kind].raw += bytes.length
    totals[kind].gzip += gzipSync(bytes, { level: 9 }).length
    totals[kind].files++
  }
  return totals
}
