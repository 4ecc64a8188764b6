import type { createSurveys } from '../surveys/createSurveys';

/** Loads the survey engine chunk (script-tag build: the content-hashed `surveys-….js` from the folder `pulse.js` came from). */
export const loadSurveys = async (assets: string): Promise<typeof createSurveys> =>
  (await (import(`${assets}${__PULSE_CHUNK__.surveys}`) as Promise<{ createSurveys: typeof createSurveys }>))
    .createSurveys;
