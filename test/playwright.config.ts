import { defineConfig, devices } from '@playwright/test';
import { LAUNCH_OPTIONS as launchOptions } from './chromium.mjs';
import { ADMIN_TOKEN, COLLECTOR_PORT, DEMO, DEMO_PORT, STATE_DIR } from './e2e/helpers/ports.mjs';

const desktop = { ...devices['Desktop Chrome'], launchOptions };
const phone = { ...devices['Pixel 7'], launchOptions };
/**
 * Tests tagged `@alone` run after the others, one at a time: those that measure time or race a timer (retry spacing,
 * a quick back's 5 s, a prompt's delay, a rage click's second, what loads before idle), which a busy machine
 * stretches, and the body-limit one, whose 5 MiB upload resets its connection to the collector.
 */
const ALONE = /@alone/;

export default defineConfig({
  testDir: './e2e',
  // Each scenario runs on a site of its own (helpers/site.ts), so scenarios run side by side; a scenario's tests run
  // in order, as they build on each other's counts.
  workers: Number(process.env.PULSE_E2E_WORKERS || 2),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // A trace costs every test CPU, and CI keeps only what the run prints: traces are for local runs.
  use: { baseURL: DEMO, launchOptions, trace: process.env.CI ? 'off' : 'retain-on-failure' },
  projects: [
    { name: 'desktop', use: desktop, grepInvert: ALONE },
    { name: 'phone', use: phone, grepInvert: ALONE },
    { name: 'desktop-alone', use: desktop, grep: ALONE, dependencies: ['desktop', 'phone'], workers: 1 },
    { name: 'phone-alone', use: phone, grep: ALONE, dependencies: ['desktop-alone'], workers: 1 },
  ],
  webServer: {
    command: 'node scripts/serve.mjs',
    url: `${DEMO}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PULSE_COLLECTOR_PORT: String(COLLECTOR_PORT),
      PULSE_DEMO_PORT: String(DEMO_PORT),
      PULSE_ADMIN_TOKEN: ADMIN_TOKEN,
      PULSE_STATE_DIR: STATE_DIR,
      // Scenarios count what they send themselves: no sample data in their site.
      PULSE_SAMPLE_DATA: 'off',
    },
  },
});
