// The console's Content-Security-Policy allows no eval: without `jitless`, zod's first object parse probes
// `new Function("")`, which a strict CSP reports as a violation even though zod catches the throw.
// zod keeps its settings in `globalThis.__zod_globalConfig` and adopts the object it finds there, so this
// sets `jitless` without importing zod: zod is not part of the first view, it loads with the first code that
// parses. Imported first in main.tsx, so it runs before any module parses anything.
const zodGlobal = globalThis as { __zod_globalConfig?: { jitless?: boolean } }
zodGlobal.__zod_globalConfig ??= {}
zodGlobal.__zod_globalConfig.jitless = true
