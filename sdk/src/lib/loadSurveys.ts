import type { createSurveys } from '../surveys/createSurveys';

/** Loads the survey engine chunk (npm build: a chunk beside this module, resolved by the app's bundler). */
export const loadSurveys = async (_assets: string): Promise<typeof createSurveys> =>
  (await import('../surveys/createSurveys')).createSurveys;
