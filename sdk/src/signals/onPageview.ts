import { listen } from '../lib/listen';

/** The page's path and query, the form in which every event records its URL. */
export const currentUrl = (): string => location.pathname + location.search;

/**
 * Calls `report` now and after every route change that alters the path or query, until `signal` aborts:
 * History API `pushState` and `replaceState`, `popstate` (back and forward), and a page restored from the
 * back/forward cache, which runs no script again.
 */
export const onPageview = (report: (url: string) => void, signal: AbortSignal): void => {
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
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    const patched: typeof original = function (this: History, ...args) {
      original.apply(this, args);
      check();
    };
    history[name] = patched;
    // Put the original back only if no other script wrapped ours since.
    listen(signal, 'abort', () => history[name] === patched && (history[name] = original));
  }
  listen(window, 'popstate', check, signal);
  listen(window, 'pageshow', check, signal);
};
