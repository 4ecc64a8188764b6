// Where the end-to-end run's own collector and demo listen, apart from a running `npm start`.
import { fileURLToPath } from 'node:url';

export const COLLECTOR_PORT = Number(process.env.PULSE_E2E_COLLECTOR_PORT || 8788);
export const DEMO_PORT = Number(process.env.PULSE_E2E_DEMO_PORT || 8081);
export const COLLECTOR = `http://localhost:${COLLECTOR_PORT}`;
export const DEMO = `http://localhost:${DEMO_PORT}`;
export const ADMIN_TOKEN = 'e2e-admin-token';
export const STATE_DIR = fileURLToPath(new URL('../../.state/', import.meta.url));
