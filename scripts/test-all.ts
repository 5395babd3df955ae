import { spawn } from 'node:child_process'
import { E2E_SANDBOX } from '../e2e/servers.ts'

/**
 * `npm test`, as CI runs it. Lint, typecheck, the unit tests and the console's production build for the
 * journeys start together: each is mostly one process on one core, and the unit tests spend much of their
 * time waiting on servers they started, so side by side they finish in about the time of the longest. The
 * journeys (Playwright) follow once all four passed, against that build. Each stage's output is printed
 * whole when it ends, so four logs do not interleave.
 */

interface Stage {
  name: string
  command: string
  env?: Record<string, string>
}

interface Outcome {
  name: string
  code: number
  seconds: number
}

function run(stage: Stage, { buffered }: { buffered: boolean }): Promise<Outcome> {
  const started = performance.now()
  console.log(`▶ ${stage.name}: ${stage.command}`)
  return new Promise((resolve) => {
    const child = spawn(stage.command, {
      shell: true,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: { ...process.env, ...stage.env, ...(buffered ? { FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } : {}) },
    })
    const output: Buffer[] = []
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk))
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk))
    child.on('close', (code, signal) => {
      const outcome = { name: stage.name, code: code ?? (signal ? 1 : 0), seconds: Math.round((performance.now() - started) / 1000) }
      if (buffered) {
        console.log(`\n── ${stage.name} (${outcome.seconds} s, ${outcome.code === 0 ? 'passed' : `failed with ${outcome.code}`}) ──`)
        process.stdout.write(Buffer.concat(output))
      }
      resolve(outcome)
    })
  })
}

function summary(outcomes: Outcome[]) {
  console.log('\n' + outcomes.map((outcome) => `${outcome.code === 0 ? '✓' : '✘'} ${outcome.name} ${outcome.seconds} s`).join('\n'))
}

const checks: Stage[] = [
  { name: 'lint', command: 'npx eslint .' },
  { name: 'typecheck', command: 'npx tsc -b --noEmit' },
  { name: 'unit', command: 'npx vitest run' },
  // The build `vite preview` serves to the journeys, pointed at their sandbox (playwright.config.ts).
  { name: 'build for e2e', command: 'npx vite build --logLevel warn', env: { VITE_SANDBOX_ISSUER: E2E_SANDBOX.issuer } },
]

const first = await Promise.all(checks.map((stage) => run(stage, { buffered: true })))
if (first.some((outcome) => outcome.code !== 0)) {
  summary(first)
  process.exit(1)
}
const e2e = await run({ name: 'e2e', command: 'npx playwright test', env: { E2E_CONSOLE_BUILT: '1' } }, { buffered: false })
summary([...first, e2e])
process.exit(e2e.code)
