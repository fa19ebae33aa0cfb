import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End to end: the real renderer against the real core through the loopback shell, in the Chromium
 * that ships in the @sparticuz/chromium npm package (scripts/test-browser.cjs unpacks it first).
 */
const browser = JSON.parse(readFileSync(join(__dirname, 'node_modules/.cache/istiqbal/test-browser.json'), 'utf8')) as {
  executablePath: string;
};

// A port of its own per run (set once in the main process; workers inherit it): a desk or another
// run on the machine never collides with the end-to-end server.
process.env.ISTIQBAL_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
export const E2E_PORT = Number(process.env.ISTIQBAL_E2E_PORT);
export const E2E_DATA_DIR = join(__dirname, 'test-results', 'e2e-store');

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // A bound on each awaited condition, not a delay: generous, because the machine may be busy (two cores, other runs).
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // The PostgreSQL server of the specs with several desks on one database, stopped at the end whatever happened.
  globalSetup: './tests/e2e/support/postgres-global-setup.ts',
  use: {
    locale: 'ar-SA',
    timezoneId: 'Asia/Riyadh',
    // The desk's screen: every screenshot is what a 1366×768 display shows.
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      executablePath: browser.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    headless: true,
    trace: 'retain-on-failure',
  },
  // The first day at the desk starts from a store nobody has set up (its first-run screen, ticket A-001):
  // it runs first, and every other spec after it, whatever their names.
  projects: [
    { name: 'first-day', testMatch: 'desk-day.spec.ts' },
    { name: 'desk', testIgnore: 'desk-day.spec.ts', dependencies: ['first-day'] },
  ],
  webServer: {
    command: `node tests/e2e/serve.cjs ${E2E_PORT} "${E2E_DATA_DIR}"`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'pipe',
  },
});
