/**
 * Resolves in a later task, so that the page can handle input and paint in between: through `scheduler.yield`
 * where there is one (the continuation runs ahead of other tasks), else a timer.
 */
export const nextTask = (): Promise<unknown> => {
  const { scheduler } = globalThis as { scheduler?: { yield?: () => Promise<unknown> } };
  return scheduler?.yield ? scheduler.yield() : new Promise((done) => setTimeout(done));
};
