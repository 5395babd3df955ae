import { describe, expect, it } from 'vitest'
import { firstViewChunks, hintedChunks } from './compile-hints-plugin.ts'

describe('firstViewChunks', () => {
  it('is the entry and what it imports statically, not the chunks it loads on demand', () => {
    const bundle = {
      'index.js': { type: 'chunk' as const, isEntry: true, imports: ['runtime.js', 'zod.js'], dynamicImports: ['later.js'] },
      'runtime.js': { type: 'chunk' as const, isEntry: false, imports: [] },
      'zod.js': { type: 'chunk' as const, isEntry: false, imports: ['runtime.js'] },
      'later.js': { type: 'chunk' as const, isEntry: false, imports: ['runtime.js', 'only-later.js'] },
      'only-later.js': { type: 'chunk' as const, isEntry: false, imports: [] },
      'index.css': { type: 'asset' as const },
    }
    expect(firstViewChunks(bundle).sort()).toEqual(['index.js', 'runtime.js', 'zod.js'])
  })

  it('skips a worker chunk, which no page imports', () => {
    const bundle = {
      'index.js': { type: 'chunk' as const, isEntry: true, imports: [] },
      'worker.js': { type: 'chunk' as const, isEntry: false, imports: [] },
    }
    expect(firstViewChunks(bundle)).toEqual(['index.js'])
  })
})

describe('hintedChunks', () => {
  it('is the first view less the chunks named as exceptions', () => {
    const bundle = {
      'index.js': { type: 'chunk' as const, name: 'index', isEntry: true, imports: ['react-1.js', 'runtime.js'] },
      'react-1.js': { type: 'chunk' as const, name: 'react', isEntry: false, imports: ['runtime.js'] },
      'runtime.js': { type: 'chunk' as const, name: 'rolldown-runtime', isEntry: false, imports: [] },
    }
    expect(hintedChunks(bundle, ['react']).sort()).toEqual(['index.js', 'runtime.js'])
    expect(hintedChunks(bundle, []).sort()).toEqual(['index.js', 'react-1.js', 'runtime.js'])
  })
})
