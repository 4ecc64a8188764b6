import type { startFriction } from '../friction/index';

/** Loads the friction chunk (script-tag build: `friction.js` from the folder `pulse.js` came from). */
export const loadFriction = async (assets: string): Promise<typeof startFriction> =>
  (await (import(`${assets}friction.js`) as Promise<{ startFriction: typeof startFriction }>)).startFriction;
