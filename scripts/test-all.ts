import { spawn } from 'node:child_process'

/**
 * `npm test`, as CI runs it. Lint, typecheck, the unit tests and the journeys (Playwright, which builds the
 * console and starts its servers itself) run side by side; the room load test runs last, alone. The checks'
 * logs are printed whole when each ends, the journeys' as they run, all through this process, so no two
 * interleave within a line.
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

type Output = 'whole at the end' | 'as it runs'

function run(stage: Stage, output: Output): Promise<Outcome> {
  const started = performance.now()
  console.log(`▶ ${stage.name}: ${stage.command}`)
  return new Promise((resolve) => {
    const child = spawn(stage.command, {
      shell: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...stage.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
    })
    const buffered: Buffer[] = []
    const take = (chunk: Buffer) => (output === 'as it runs' ? process.stdout.write(chunk) : buffered.push(chunk))
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.on('close', (code, signal) => {
      const outcome = { name: stage.name, code: code ?? (signal ? 1 : 0), seconds: Math.round((performance.now() - started) / 1000) }
      console.log(`\n── ${stage.name} (${outcome.seconds} s, ${outcome.code === 0 ? 'passed' : `failed with ${outcome.code}`}) ──`)
      if (output === 'whole at the end') process.stdout.write(Buffer.concat(buffered))
      resolve(outcome)
    })
  })
}

function summary(outcomes: Outcome[]) {
  console.log('\n' + outcomes.map((outcome) => `${outcome.code === 0 ? '✓' : '✘'} ${outcome.name} ${outcome.seconds} s`).join('\n'))
}

const started = performance.now()
const checks: Stage[] = [
  { name: 'lint', command: 'npx eslint .' },
  { name: 'typecheck', command: 'npx tsc -b --noEmit' },
  // The room load test (vitest project `load`) times real seconds of queueing: it runs last, alone, below.
  { name: 'unit', command: 'npx vitest run --project node --project dom' },
]
const e2e: Stage = { name: 'e2e', command: 'npx playwright test' }

const loadTest: Stage = { name: 'unit: room load test', command: 'npx vitest run --project load' }

// The journeys mostly wait (on servers, intervals, a second device), so the checks fill the cores meanwhile.
// (npm start's journeys once never finished discovery beside the unit tests' own `npm start -- --lan`: that
// start deleted Vite's shared deps cache under the other; each npm start now has its own, scripts/start-plan.mjs.)
const outcomes = await Promise.all([...checks, e2e].map((stage) => run(stage, stage === e2e ? 'as it runs' : 'whole at the end')))
// Beside the journeys, a burst of 100 polls queued past the test's 5 s tolerance; alone it measures the sandbox.
outcomes.push(await run(loadTest, 'whole at the end'))
summary(outcomes)
console.log(`npm test: ${Math.round((performance.now() - started) / 1000)} s`)
process.exit(outcomes.some((outcome) => outcome.code !== 0) ? 1 : 0)
