/** Pulse's lazy chunks by name, each as its module: the one table both builds' `loadChunk` load from. */
export interface Chunks {
  /** The survey engine, loaded once the page has loaded and been idle. */
  surveys: typeof import('../surveys/createSurveys');
  /** The survey UI, loaded only when a survey will show. */
  widget: typeof import('../widget/index');
  /** web-vitals, loaded once the page has loaded and been idle. */
  vitals: typeof import('../vitals/index');
  /** The reasons behind each survey decision, loaded only in debug mode. */
  debug: typeof import('../debug/index');
}
