import type { Chunks } from './chunks';

/**
 * Loads one of Pulse's lazy chunks (script-tag build): its content-hashed file (`widget-1a2b3c4d.js`) from `assets`,
 * the folder `pulse.js` came from, under the name the build of this `pulse.js` gave it.
 */
export const loadChunk = <K extends keyof Chunks>(name: K, assets: string): Promise<Chunks[K]> =>
  import(`${assets}${__PULSE_CHUNK__[name]}`);
