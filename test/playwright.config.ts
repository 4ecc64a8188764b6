import { defineConfig, devices } from '@playwright/test';
import { LAUNCH_OPTIONS as launchOptions } from './chromium.mjs';
import { ADMIN_TOKEN, COLLECTOR_PORT, DEMO, DEMO_PORT, STATE_DIR } from './e2e/helpers/ports.mjs';

const desktop = { ...devices['Desktop Chrome'], launchOptions };
const phone = { ...devices['Pixel 7'], launchOptions };
/**
 * Scenarios that run alone, after the others, one at a time: those that measure time or race a timer (retry spacing,
 * a quick back's 5 s, a prompt's delay, what loads before idle), which a busy machine stretches, and the body-limit
 * one, whose 5 MiB upload can make `wrangler dev` restart the worker under other scenarios' requests.
 */
const ALONE =
  /\/(collector-body-limit|delivery-retry|delivery-retry-after|quick-back|survey-a11y|demo-shop|startup-budget|startup-idle)\//;

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
  use: { baseURL: DEMO, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'desktop', use: desktop, testIgnore: ALONE },
    { name: 'phone', use: phone, testIgnore: ALONE },
    { name: 'desktop-alone', use: desktop, testMatch: ALONE, dependencies: ['desktop', 'phone'], workers: 1 },
    { name: 'phone-alone', use: phone, testMatch: ALONE, dependencies: ['desktop-alone'], workers: 1 },
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
