import { listen, type Unlisten } from '../lib/listen';

/** The page's path and query, the form in which every event records its URL. */
export const currentUrl = (): string => location.pathname + location.search;

/**
 * Calls `report` now and after every route change that alters the path or query:
 * History API `pushState` and `replaceState`, `popstate` (back and forward), and a page
 * restored from the back/forward cache, which runs no script again.
 */
export const onPageview = (report: (url: string) => void): Unlisten => {
  let last = currentUrl();
  report(last);
  const check = (event?: Event) => {
    try {
      const url = currentUrl();
      if (url !== last || (event as PageTransitionEvent | undefined)?.persisted) report((last = url));
    } catch {
      // Called from the page's own pushState: never throw into it.
    }
  };
  const { pushState, replaceState } = history;
  const patchedPush: typeof pushState = function (this: History, ...args) {
    pushState.apply(this, args);
    check();
  };
  const patchedReplace: typeof replaceState = function (this: History, ...args) {
    replaceState.apply(this, args);
    check();
  };
  history.pushState = patchedPush;
  history.replaceState = patchedReplace;
  const lifetime = new AbortController();
  listen(window, 'popstate', check, lifetime.signal);
  listen(window, 'pageshow', check, lifetime.signal);
  return () => {
    // Put the originals back only if no other script wrapped ours since.
    if (history.pushState === patchedPush) history.pushState = pushState;
    if (history.replaceState === patchedReplace) history.replaceState = replaceState;
    lifetime.abort();
  };
};
