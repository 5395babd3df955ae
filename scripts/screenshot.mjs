// Regenerates docs/screenshot.png: the console mid-way through the device flow against the sandbox.
import { spawn, execSync } from 'node:child_process'
import { chromium } from '@playwright/test'

const SANDBOX_PORT = 8643
const CONSOLE_PORT = 4273
const issuer = `http://127.0.0.1:${SANDBOX_PORT}/oauth/v2/oauth-anonymous`
const consoleUrl = `http://127.0.0.1:${CONSOLE_PORT}/`

execSync('npx vite build --logLevel warn --outDir node_modules/.screenshot/dist', {
  stdio: 'inherit',
  env: { ...process.env, VITE_SANDBOX_ISSUER: issuer },
})
const start = (command, args) => spawn(command, args, { stdio: 'ignore', detached: true })
const servers = [
  start('node', ['scripts/run-sandbox.mjs', '--port', String(SANDBOX_PORT), '--interval', '1', '--allowed-origins', consoleUrl.slice(0, -1)]),
  start('npx', ['vite', 'preview', '--outDir', 'node_modules/.screenshot/dist', '--port', String(CONSOLE_PORT), '--strictPort']),
]
const stopServers = () => servers.forEach((child) => process.kill(-child.pid, 'SIGTERM'))

async function waitFor(url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(url).then((reply) => reply.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not start`)
}

try {
  await waitFor(`${issuer}/.well-known/openid-configuration`)
  await waitFor(consoleUrl)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' })
  await page.goto(consoleUrl)
  await page.getByRole('button', { name: 'Discover' }).click()
  const credentials = page.getByRole('region', { name: 'Client Credentials' })
  await credentials.getByRole('button', { name: 'Request token' }).click()
  await credentials.getByText('Token issued').waitFor()
  const api = page.getByRole('region', { name: 'External API' })
  await api.getByRole('button', { name: 'Send request' }).click()
  await api.getByRole('button', { name: 'Use as device client' }).click()
  const device = page.getByRole('region', { name: 'Device Flow' })
  await device.getByRole('button', { name: 'Start device flow' }).click()
  await device.getByRole('img', { name: 'QR code' }).waitFor()
  const poll = page.getByRole('region', { name: 'Poll' })
  await poll.getByRole('button', { name: 'Poll', exact: true }).click()
  await poll.getByText('authorization_pending', { exact: true }).waitFor()
  await device.evaluate((element) => element.scrollIntoView({ block: 'start' }))
  await page.waitForTimeout(300)
  await page.screenshot({ path: 'docs/screenshot.png' })
  await browser.close()
} finally {
  stopServers()
}
