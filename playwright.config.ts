import { defineConfig } from '@playwright/test'

// `--headed` (or `--debug`) shows the browser, so Chromium must not be given `--headless` then. The runner
// loads this file first and its worker processes inherit its environment: the flag is read here, once.
if (process.argv.some((arg) => arg === '--headed' || arg.startsWith('--debug')))
  process.env.GLOSSA_HEADED = '1'
const headed = process.env.GLOSSA_HEADED === '1'

// Debian's Chromium, never a downloaded browser. Playwright gives every launch a fresh temporary profile
// (its own --user-data-dir); the flags keep Chromium off the network this machine does not have.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: !headed,
  args: [
    ...(headed ? [] : ['--headless']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1320, height: 860 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})
