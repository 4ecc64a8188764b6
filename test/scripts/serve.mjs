// Starts Pulse for the end-to-end tests with a fresh local D1, through the same start command as `npm start`.
import { rmSync } from 'node:fs';
import { STATE_DIR } from '../e2e/helpers/ports.mjs';

rmSync(STATE_DIR, { recursive: true, force: true });
await import('../../demo/scripts/start.mjs');
