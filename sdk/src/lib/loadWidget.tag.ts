import type { Mount } from '../widget/types';

/** Loads the survey UI chunk (script-tag build: the content-hashed `widget-….js` from the folder `pulse.js` came from). */
export const loadWidget = async (assets: string): Promise<Mount> =>
  (await (import(`${assets}${__PULSE_CHUNK__.widget}`) as Promise<{ mount: Mount }>)).mount;
