import type { startFriction } from '../friction/index';

/** Loads the friction chunk (npm build: a chunk beside this module, resolved by the app's bundler). */
export const loadFriction = async (_assets: string): Promise<typeof startFriction> =>
  (await import('../friction/index')).startFriction;
