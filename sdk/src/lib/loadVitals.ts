import type { startVitals } from '../vitals/index';

/** Loads the web-vitals chunk (npm build: a chunk beside this module, resolved by the app's bundler). */
export const loadVitals = async (_assets: string): Promise<typeof startVitals> =>
  (await import('../vitals/index')).startVitals;
