import type { Plugin } from 'vite'

/** V8's explicit compile hint for a whole file (Chromium 136+): compile every function while the file streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

interface ChunkLike {
  type: 'chunk' | 'asset'
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

/**
 * Marks the first view's chunks with V8's compile hint. Without it V8 compiles each function lazily, on the
 * main thread, the first time it is called: rendering the first view called some 600 functions for the first
 * time, and compiling them was a third of the page's main-thread work before the steps were painted. With
 * it they are compiled on a background thread while the file downloads. Lazy chunks are left as they are:
 * much of their code runs only when a person uses it.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'oauth-console-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own additions to the chunk (its preload map), so the hint is the file's first line.
      order: 'post',
      handler(_options, bundle) {
        for (const fileName of firstViewChunks(bundle as Record<string, ChunkLike>)) {
          const chunk = bundle[fileName]
          if (chunk?.type === 'chunk') chunk.code = COMPILE_HINT + chunk.code
        }
      },
    },
  }
}
