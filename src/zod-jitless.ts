import { config } from 'zod/mini'

// The console's Content-Security-Policy allows no eval: without this, zod's first object parse probes
// `new Function("")`, which a strict CSP reports as a violation even though zod catches the throw.
// Imported first in main.tsx so it runs before any module parses anything.
config({ jitless: true })
