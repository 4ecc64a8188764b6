import type { Mount } from '../widget/types';

/** Loads the survey UI chunk (script-tag build: `widget.js` from the folder `pulse.js` came from). */
export const loadWidget = async (assets: string): Promise<Mount> =>
  (await (import(`${assets}widget.js`) as Promise<{ mount: Mount }>)).mount;
