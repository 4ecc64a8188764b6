import type { startVitals } from '../vitals/index';

/** Loads the web-vitals chunk (script-tag build: the content-hashed `vitals-….js` from the folder `pulse.js` came from). */
export const loadVitals = async (assets: string): Promise<typeof startVitals> =>
  (await (import(`${assets}${__PULSE_CHUNK__.vitals}`) as Promise<{ startVitals: typeof startVitals }>)).startVitals;
