import type { Mount } from '../widget/types';

/** Loads the survey UI chunk (npm build: a chunk beside this module, resolved by the app's bundler). */
export const loadWidget = async (_assets: string): Promise<Mount> => (await import('../widget/index')).mount;
