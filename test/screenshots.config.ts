import { defineConfig, devices } from '@playwright/test';
import config from './playwright.config';

const launchOptions = config.use?.launchOptions;

/**
 * Takes the README's screenshots (`pnpm --filter @pulse/test screenshots`) into demo/screenshots/: the same start
 * command as the end-to-end run, with the demo's sample data, so that the dashboard shows a week of numbers.
 */
export default defineConfig({
  ...config,
  testDir: './screenshots',
  timeout: 120_000,
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 }, launchOptions } },
    // Pixel 7 at one device pixel per CSS pixel, so that the pictures stay small in the repository.
    { name: 'phone', use: { ...devices['Pixel 7'], deviceScaleFactor: 1, launchOptions } },
  ],
  webServer: config.webServer && {
    ...(Array.isArray(config.webServer) ? config.webServer[0]! : config.webServer),
    env: {
      ...(Array.isArray(config.webServer) ? config.webServer[0]! : config.webServer).env,
      PULSE_SAMPLE_DATA: 'on',
    },
  },
});
