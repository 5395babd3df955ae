import type { Plugin } from 'vite'

/** V8's explicit compile hint for a whole file (Chromium 136+): compile every function while the file streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

interface ChunkLike {
  type: 'chunk' | 'asset'
  name?: string
  isEntry?: boolean
  imports?: string[]
  code?: string
}

/** The entry chunks and every chunk they import statically: the code the first view runs. */
export function firstViewChunks(bundle: Record<string, ChunkLike>): string[] {
  const found = new Set<string>()
  const visit = (fileName: string) => {
    const chunk = bundle[fileName]
    if (found.has(fileName) || chunk?.type !== 'chunk') return
    found.add(fileName)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  for (const [fileName, chunk] of Object.entries(bundle)) if (chunk.type === 'chunk' && chunk.isEntry) visit(fileName)
  return [...found]
}

/** The first view's chunks, less those named in `except`. */
export function hintedChunks(bundle: Record<string, ChunkLike>, except: readonly string[]): string[] {
  return firstViewChunks(bundle).filter((fileName) => !except.includes(bundle[fileName]?.name ?? ''))
}

/**
 * Marks the first view's chunks with V8's compile hint. Without it V8 compiles each function lazily, on the
 * main thread, the first time it is called: rendering the first view called some 600 functions for the first
 * time, and compiling them was a third of the page's main-thread work before the steps were painted. With
 * it they are compiled on a background thread while the file downloads. Lazy chunks are left as they are:
 * much of their code runs only when a person uses it.
 *
 * `except` names first-view chunks to leave lazy as well: a library of which the first view runs a small part.
 * Compiling all of react-dom ahead (some 200 kB, hydration, Suspense and all) took 100-180 ms of a background
 * thread that the 2-core machine also needed, and the entry could not run until it was done: the first paint
 * came 100-400 ms later than with react-dom compiled lazily.
 */
export function compileHintsPlugin({ except = [] }: { except?: readonly string[] } = {}): Plugin {
  return {
    name: 'oauth-console-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own additions to the chunk (its preload map), so the hint is the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const fileName of hintedChunks(bundle as Record<string, ChunkLike>, except)) {
          const chunk = bundle[fileName]
          if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code
        }
      },
    },
  }
}
