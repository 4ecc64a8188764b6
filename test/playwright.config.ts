import { defineConfig, devices } from '@playwright/test';
import { LAUNCH_OPTIONS as launchOptions } from './chromium.mjs';
import { ADMIN_TOKEN, COLLECTOR_PORT, DEMO, DEMO_PORT, STATE_DIR } from './e2e/helpers/ports.mjs';

export default defineConfig({
  testDir: './e2e',
  // Each scenario runs on a site of its own (helpers/site.ts), so scenarios run side by side; a scenario's tests run
  // in order, as they build on each other's counts.
  workers: Number(process.env.PULSE_E2E_WORKERS || 4),
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { baseURL: DEMO, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions } },
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
