import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { relayPlugin } from './relay/relay-plugin.ts'
import { securityHeadersPlugin } from './security/security-headers-plugin.ts'
import { compileHintsPlugin } from './scripts/compile-hints-plugin.ts'

export default defineConfig({
  // Security headers first, so every response has them; the relay (/relay) past CORS, in `vite dev` and
  // `vite preview` alike.
  // The first view's own chunks compile while they download, not function by function as they first run;
  // react-dom, of which the first view runs a small part, compiles as it runs.
  plugins: [securityHeadersPlugin(), react(), tailwindcss(), relayPlugin(), compileHintsPlugin({ except: ['react'] })],
  // `npm start` gives each address it serves its own deps cache (scripts/start-plan.mjs); otherwise Vite's default.
  cacheDir: process.env.CONSOLE_VITE_CACHE_DIR,
  // Warm-up transforms the app's modules at start, so the first page load (npm start) is not the slow one.
  server: { host: '127.0.0.1', port: 5173, strictPort: true, warmup: { clientFiles: ['./src/main.tsx'] } },
  build: {
    // Every browser the console supports (current Chromium, Firefox, Safari) has modulepreload: the polyfill
    // would only add bytes to the first view.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first view imports statically goes in one file. Left to itself the bundler splits
        // out each module a lazy step shares with the first view (react, fields, masking …), so the first
        // view waited on 16 requests, each a round trip to the server, instead of one.
        codeSplitting: {
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'first-view', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  // console.test: the end-to-end tests' name for a console opened over plain http from another machine.
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, allowedHosts: ['console.test'] },
  test: {
    globals: true,
    // Tests wait for outcomes; on a busy shared machine a passing test can take seconds (the 200 MB session file
    // took over 30 s beside three other suites), so the limit only stops a stuck one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One process per worker for many files rather than one per file: setting up jsdom and importing React, zod
    // and oidc-provider again for every file was most of the unit tests' CPU time (110 s -> 50 s), and each
    // process start is one more chance to miss Vitest's fixed 60 s start limit on a loaded machine. Each file
    // still gets fresh app modules and empty storage (src/test/setup.ts); sandboxes start per file on their own ports.
    isolate: false,
    // Vitest's default on a 2-core machine is one worker: every file in a row, the few that wait on a server
    // (load tests, sandboxes) holding up the rest. A third worker runs while those wait.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/protocol/**/*.test.ts', 'src/lib/**/*.test.ts', 'sandbox/**/*.test.ts', 'relay/**/*.test.ts', 'scripts/**/*.test.ts', 'security/**/*.test.ts'],
          exclude: ['sandbox/device-flow-load.test.ts'],
        },
      },
      {
        // A room's worth of load on one sandbox, timed in real seconds: it runs after the other tests, alone,
        // so the unit tests' own work is not part of the queueing it measures.
        extends: true,
        test: {
          name: 'load',
          environment: 'node',
          include: ['sandbox/device-flow-load.test.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/{app,features,components,state}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
})
