import type { Chunks } from './chunks';

/** The npm build's chunks: modules beside this one, which the app's bundler splits and resolves. */
const CHUNKS: { [K in keyof Chunks]: () => Promise<Chunks[K]> } = {
  surveys: () => import('../surveys/createSurveys'),
  widget: () => import('../widget/index'),
  vitals: () => import('../vitals/index'),
  debug: () => import('../debug/index'),
};

/** Loads one of Pulse's lazy chunks (`assets` is the script tag's; the npm build ignores it). */
export const loadChunk = <K extends keyof Chunks>(name: K, _assets: string): Promise<Chunks[K]> => CHUNKS[name]();
